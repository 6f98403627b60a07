#pragma once
// A scripted HTTP/1.1 server on 127.0.0.1 for tests of anything that talks HTTP (the HTTP client,
// model providers, the CLI). No Qt: POSIX sockets and one thread that serves connections one
// after another. Every reply closes its connection, so there is no keep-alive state to script.
// An https client is hung up on during its handshake (a quick TLS error for the client).
//
//     LoopbackHttpServer server;
//     server.enqueue({.status = 429, .headers = {{"retry-after", "1"}}});
//     server.enqueue({.body = R"({"ok":true})"});
//     ... send requests to server.url("/v1/chat") ...
//     EXPECT_EQ(server.requests().size(), 2u);

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace rootline::test {

struct CapturedRequest {
    std::string method;
    std::string target;  // path and query as sent, e.g. "/api/traces?service=x"
    std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased, in order
    std::string body;

    // The first header with this name (case-insensitive), or empty.
    std::string header(std::string_view name) const;
};

// Every member has an initializer so that designated initializers ({.status = 429}) may leave
// any of them out without GCC's -Wmissing-field-initializers.
struct ScriptedReply {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers{};  // sent as given
    std::string body{};
    std::chrono::milliseconds delay{0};  // silence before the status line; a client that
                                         // closes meanwhile ends it (nothing is sent then)
    bool truncate = false;         // announce the Content-Length of `body`, send half of it, close
    bool hangUp = false;           // read the request, then close without answering
    bool interimContinue = false;  // send "HTTP/1.1 100 Continue" (with a header) first
    bool omitContentLength = false;  // the body ends when the connection closes
    // A slow body: after the head, `trickleBytes` of the body every `trickleEvery` (0: all at
    // once). A client that gives up meanwhile ends it.
    std::chrono::milliseconds trickleEvery{0};
    size_t trickleBytes = 1;
};

class LoopbackHttpServer {
public:
    // Listening when constructed; throws std::runtime_error when no socket can be had.
    LoopbackHttpServer();
    // Stops at once, even in the middle of a delayed reply, and joins the thread.
    ~LoopbackHttpServer();
    LoopbackHttpServer(const LoopbackHttpServer&) = delete;
    LoopbackHttpServer& operator=(const LoopbackHttpServer&) = delete;

    uint16_t port() const { return port_; }
    // "http://127.0.0.1:PORT" + path.
    std::string url(std::string_view path = "") const;

    // Replies are used in the order enqueued, one per request.
    void enqueue(ScriptedReply reply);
    // Answers requests when the queue is empty (called on the server thread). Without a handler
    // and with an empty queue the answer is 404 "no scripted reply".
    void setHandler(std::function<ScriptedReply(const CapturedRequest&)> handler);

    // Every request received so far, in order (recorded before its reply is sent).
    std::vector<CapturedRequest> requests() const;
    // Blocks until `count` requests arrived; false after `timeout`.
    bool waitForRequests(size_t count, std::chrono::milliseconds timeout) const;

private:
    void serve();
    void serveConnection(int fd);
    ScriptedReply nextReply(const CapturedRequest& request);

    int listenFd_ = -1;
    int wakeRead_ = -1;  // a pipe: one byte written by the destructor wakes every wait
    int wakeWrite_ = -1;
    uint16_t port_ = 0;

    mutable std::mutex mutex_;
    mutable std::condition_variable arrived_;
    std::deque<ScriptedReply> queue_;
    std::function<ScriptedReply(const CapturedRequest&)> handler_;
    std::vector<CapturedRequest> requests_;

    std::thread thread_;  // last: started once everything above exists
};

// A port on 127.0.0.1 where nothing listens (bound, read and closed again), for "refused".
uint16_t unusedLoopbackPort();

}  // namespace rootline::test
