#include "loopback_http_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <stdexcept>

namespace rootline::test {

namespace {

using std::chrono::milliseconds;
using std::chrono::steady_clock;

// A client that stalls mid-request or stops reading gets this long before the server moves on.
constexpr milliseconds kIoTimeout{5000};
constexpr size_t kMaxHeadBytes = 1 << 20;

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string lowerCase(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), lower);
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

enum class Wait { Ready, Stopped, TimedOut };

constexpr milliseconds kForever{-1};

// Waits for `events` on `fd` or a byte on the wake pipe, whichever comes first.
Wait waitFor(int fd, short events, int wakeFd, milliseconds timeout) {
    const auto until = steady_clock::now() + std::max(timeout, milliseconds(0));
    for (;;) {
        pollfd fds[2] = {{wakeFd, POLLIN, 0}, {fd, events, 0}};
        int pollTimeout = -1;
        if (timeout != kForever) {
            const auto left = std::chrono::duration_cast<milliseconds>(until - steady_clock::now());
            if (left.count() <= 0) return Wait::TimedOut;
            pollTimeout = static_cast<int>(left.count());
        }
        const int n = ::poll(fds, 2, pollTimeout);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 || fds[0].revents != 0) return Wait::Stopped;
        if (n > 0) return Wait::Ready;
    }
}

bool sendAll(int fd, int wakeFd, std::string_view data) {
    while (!data.empty()) {
        if (waitFor(fd, POLLOUT, wakeFd, kIoTimeout) != Wait::Ready) return false;
        const ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
        if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
        if (n <= 0) return false;  // the client went away (EPIPE, ECONNRESET)
        data.remove_prefix(static_cast<size_t>(n));
    }
    return true;
}

// Appends what the socket has to `into`; false on EOF, error, timeout or stop.
bool receiveSome(int fd, int wakeFd, std::string& into) {
    for (;;) {
        if (waitFor(fd, POLLIN, wakeFd, kIoTimeout) != Wait::Ready) return false;
        char buffer[16384];
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
        if (n <= 0) return false;
        into.append(buffer, static_cast<size_t>(n));
        return true;
    }
}

// Parses the request line and headers of `head` (without the blank line).
bool parseHead(std::string_view head, CapturedRequest& request) {
    size_t lineEnd = head.find("\r\n");
    const std::string_view first = head.substr(0, lineEnd);
    const size_t space1 = first.find(' ');
    const size_t space2 = first.rfind(' ');
    if (space1 == std::string_view::npos || space2 == space1) return false;
    request.method = first.substr(0, space1);
    request.target = first.substr(space1 + 1, space2 - space1 - 1);
    while (lineEnd != std::string_view::npos) {
        const size_t start = lineEnd + 2;
        lineEnd = head.find("\r\n", start);
        const std::string_view line = head.substr(start, lineEnd - start);
        const size_t colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        request.headers.emplace_back(lowerCase(trim(line.substr(0, colon))),
                                     std::string(trim(line.substr(colon + 1))));
    }
    return true;
}

// Reads one whole request: head, then a Content-Length body (chunked bodies are not needed).
bool readRequest(int fd, int wakeFd, CapturedRequest& request) {
    std::string data;
    size_t headEnd = std::string::npos;
    while ((headEnd = data.find("\r\n\r\n")) == std::string::npos) {
        if (data.size() > kMaxHeadBytes || !receiveSome(fd, wakeFd, data)) return false;
        // A TLS handshake record (an https client): this server speaks plain HTTP, so it hangs
        // up at once instead of waiting for a blank line that never comes.
        if (data[0] == '\x16') return false;
    }
    if (!parseHead(std::string_view(data).substr(0, headEnd), request)) return false;
    size_t length = 0;
    const std::string announced = request.header("content-length");
    std::from_chars(announced.data(), announced.data() + announced.size(), length);
    request.body = data.substr(headEnd + 4);
    while (request.body.size() < length)
        if (!receiveSome(fd, wakeFd, request.body)) return false;
    request.body.resize(std::min(request.body.size(), length));
    return true;
}

std::string_view reason(int status) {
    switch (status) {
        case 200:
            return "OK";
        case 201:
            return "Created";
        case 204:
            return "No Content";
        case 400:
            return "Bad Request";
        case 401:
            return "Unauthorized";
        case 403:
            return "Forbidden";
        case 404:
            return "Not Found";
        case 408:
            return "Request Timeout";
        case 409:
            return "Conflict";
        case 429:
            return "Too Many Requests";
        case 500:
            return "Internal Server Error";
        case 502:
            return "Bad Gateway";
        case 503:
            return "Service Unavailable";
        case 504:
            return "Gateway Timeout";
        default:
            return "Status";
    }
}

std::string replyHead(const ScriptedReply& reply) {
    std::string head = "HTTP/1.1 " + std::to_string(reply.status) + " ";
    head += reason(reply.status);
    head += "\r\n";
    bool hasLength = false;
    for (const auto& [name, value] : reply.headers) {
        hasLength = hasLength || lowerCase(name) == "content-length";
        head += name + ": " + value + "\r\n";
    }
    if (!hasLength && !reply.omitContentLength)
        head += "Content-Length: " + std::to_string(reply.body.size()) + "\r\n";
    head += "Connection: close\r\n\r\n";
    return head;
}

void closeQuietly(int& fd) {
    if (fd >= 0) ::close(fd);
    fd = -1;
}

}  // namespace

std::string CapturedRequest::header(std::string_view name) const {
    const std::string wanted = lowerCase(name);
    for (const auto& [key, value] : headers)
        if (key == wanted) return value;
    return {};
}

LoopbackHttpServer::LoopbackHttpServer() {
    int pipeFds[2];
    if (::pipe2(pipeFds, O_CLOEXEC) != 0) throw std::runtime_error("loopback server: no pipe");
    wakeRead_ = pipeFds[0];
    wakeWrite_ = pipeFds[1];
    listenFd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;  // the kernel picks a free port
    socklen_t length = sizeof address;
    if (listenFd_ < 0 ||
        ::bind(listenFd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::listen(listenFd_, 16) != 0 ||
        ::getsockname(listenFd_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        closeQuietly(listenFd_);
        closeQuietly(wakeRead_);
        closeQuietly(wakeWrite_);
        throw std::runtime_error("loopback server: cannot listen on 127.0.0.1");
    }
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] { serve(); });
}

LoopbackHttpServer::~LoopbackHttpServer() {
    // The byte is never read, so every later wait on the pipe returns at once as well.
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(wakeWrite_, &byte, 1);
    thread_.join();
    closeQuietly(listenFd_);
    closeQuietly(wakeRead_);
    closeQuietly(wakeWrite_);
}

std::string LoopbackHttpServer::url(std::string_view path) const {
    std::string out = "http://127.0.0.1:" + std::to_string(port_);
    out += path;
    return out;
}

void LoopbackHttpServer::enqueue(ScriptedReply reply) {
    const std::lock_guard lock(mutex_);
    queue_.push_back(std::move(reply));
}

void LoopbackHttpServer::setHandler(std::function<ScriptedReply(const CapturedRequest&)> handler) {
    const std::lock_guard lock(mutex_);
    handler_ = std::move(handler);
}

std::vector<CapturedRequest> LoopbackHttpServer::requests() const {
    const std::lock_guard lock(mutex_);
    return requests_;
}

bool LoopbackHttpServer::waitForRequests(size_t count, milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    return arrived_.wait_for(lock, timeout, [&] { return requests_.size() >= count; });
}

ScriptedReply LoopbackHttpServer::nextReply(const CapturedRequest& request) {
    std::function<ScriptedReply(const CapturedRequest&)> handler;
    {
        const std::lock_guard lock(mutex_);
        requests_.push_back(request);
        arrived_.notify_all();
        if (!queue_.empty()) {
            ScriptedReply reply = std::move(queue_.front());
            queue_.pop_front();
            return reply;
        }
        handler = handler_;
    }
    // Outside the lock, so a handler may look at requests() itself.
    if (handler) return handler(request);
    return ScriptedReply{.status = 404, .body = "no scripted reply"};
}

void LoopbackHttpServer::serve() {
    for (;;) {
        if (waitFor(listenFd_, POLLIN, wakeRead_, kForever) != Wait::Ready) return;
        int fd = ::accept4(listenFd_, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
        if (fd < 0) continue;  // the client gave up before we got to it
        serveConnection(fd);
        closeQuietly(fd);
    }
}

void LoopbackHttpServer::serveConnection(int fd) {
    CapturedRequest request;
    if (!readRequest(fd, wakeRead_, request)) return;
    const ScriptedReply reply = nextReply(request);
    if (reply.interimContinue &&
        !sendAll(fd, wakeRead_, "HTTP/1.1 100 Continue\r\nx-interim: yes\r\n\r\n"))
        return;
    // During the delay, a client that gives up (timeout, cancel) ends the reply at once, so the
    // next connection is served rather than queued behind a reply nobody will read.
    if (reply.delay.count() > 0 && waitFor(fd, POLLRDHUP, wakeRead_, reply.delay) != Wait::TimedOut)
        return;
    if (reply.hangUp) return;
    const std::string_view body =
        reply.truncate ? std::string_view(reply.body).substr(0, reply.body.size() / 2)
                       : std::string_view(reply.body);
    if (!sendAll(fd, wakeRead_, replyHead(reply))) return;
    if (reply.trickleEvery.count() > 0) {
        const size_t step = std::max<size_t>(1, reply.trickleBytes);
        for (size_t at = 0; at < body.size(); at += step) {
            if (at > 0 && waitFor(fd, POLLRDHUP, wakeRead_, reply.trickleEvery) != Wait::TimedOut)
                return;
            if (!sendAll(fd, wakeRead_, body.substr(at, step))) return;
        }
    } else if (!sendAll(fd, wakeRead_, body)) {
        return;
    }
    // Half-close first so the client reads everything before it sees the end.
    ::shutdown(fd, SHUT_WR);
}

uint16_t unusedLoopbackPort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) throw std::runtime_error("unusedLoopbackPort: no socket");
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    const bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
                    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0;
    ::close(fd);
    if (!ok) throw std::runtime_error("unusedLoopbackPort: cannot bind 127.0.0.1");
    return ntohs(address.sin_port);
}

}  // namespace rootline::test
