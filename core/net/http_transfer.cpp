#include "net/http_transfer.h"

#include <curl/curl.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <limits>
#include <memory>
#include <mutex>

#include "net/endpoint.h"
#include "util/format.h"

namespace rootline::net {

namespace {

using std::chrono::milliseconds;

// The poll slice of the transfer loop: how late a raised cancel flag can be noticed.
constexpr int kPollSliceMs = 50;

bool globalInitOk() {
    static std::once_flag once;
    static bool ok = false;
    std::call_once(once, [] { ok = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK; });
    return ok;
}

bool isCancelled(const std::atomic<bool>* cancel) {
    return cancel && cancel->load(std::memory_order_relaxed);
}

// What the callbacks collect during one transfer.
struct Exchange {
    const std::atomic<bool>* cancel = nullptr;
    size_t maxBody = 0;
    HttpResponse response;
    bool cancelled = false;
    bool tooLarge = false;
    bool anyData = false;  // a status line, header or body byte arrived
};

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

std::string lowerCase(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string firstLower(std::string s) {
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s;
}

// One line of a response head: a status line starts a new response, others are headers.
void collectHeaderLine(Exchange* exchange, std::string_view line) {
    exchange->anyData = true;
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r'))
        line.remove_suffix(1);
    Headers& headers = exchange->response.headers;
    if (line.substr(0, 5) == "HTTP/") {
        // A new response begins: an interim one (100 Continue) before it is forgotten.
        headers.clear();
    } else if (!line.empty() && (line.front() == ' ' || line.front() == '\t')) {
        // An obsolete folded line continues the previous value.
        if (!headers.empty()) {
            headers.back().second += ' ';
            headers.back().second += trim(line);
        }
    } else if (const size_t colon = line.find(':'); colon != std::string_view::npos) {
        headers.emplace_back(lowerCase(trim(line.substr(0, colon))),
                             std::string(trim(line.substr(colon + 1))));
    }
}

// libcurl calls the callbacks from C: an exception (bad_alloc) must not unwind through it, so
// they catch it and abort the transfer by returning a count other than `bytes`.
size_t onHeaderLine(char* data, size_t size, size_t count, void* user) {
    const size_t bytes = size * count;
    try {
        collectHeaderLine(static_cast<Exchange*>(user), std::string_view(data, bytes));
        return bytes;
    } catch (...) {
        return 0;
    }
}

size_t onBody(char* data, size_t size, size_t count, void* user) {
    auto* exchange = static_cast<Exchange*>(user);
    const size_t bytes = size * count;
    exchange->anyData = true;
    std::string& body = exchange->response.body;
    if (bytes > exchange->maxBody - body.size()) {
        exchange->tooLarge = true;
        return 0;  // anything but `bytes` aborts the transfer
    }
    try {
        body.append(data, bytes);
        return bytes;
    } catch (...) {
        return 0;
    }
}

int onProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    auto* exchange = static_cast<Exchange*>(user);
    if (isCancelled(exchange->cancel)) {
        exchange->cancelled = true;
        return 1;
    }
    return 0;
}

struct EasyDeleter {
    void operator()(CURL* easy) const { curl_easy_cleanup(easy); }
};
struct ListDeleter {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
struct MultiDeleter {
    void operator()(CURLM* multi) const { curl_multi_cleanup(multi); }
};
using EasyHandle = std::unique_ptr<CURL, EasyDeleter>;
using HeaderList = std::unique_ptr<curl_slist, ListDeleter>;
using MultiHandle = std::unique_ptr<CURLM, MultiDeleter>;

// RFC 9110 token characters: what a method or a header name may hold.
bool isToken(std::string_view s) {
    if (s.empty()) return false;
    for (const char c : s) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') ||
                        std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
        if (!ok) return false;
    }
    return true;
}

bool isSafeValue(std::string_view s) {
    return s.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos;
}

bool append(HeaderList& list, const char* line) {
    curl_slist* head = curl_slist_append(list.get(), line);
    if (!head) return false;
    if (!list) list.reset(head);  // the first line starts the list; later ones keep its head
    return true;
}

// The request headers as curl wants them; false when one could smuggle a line into the request.
bool buildHeaders(const Headers& headers, HeaderList& list) {
    bool hasExpect = false;
    for (const auto& [name, value] : headers) {
        if (!isToken(name) || !isSafeValue(value)) return false;
        hasExpect = hasExpect || lowerCase(name) == "expect";
        // "Name;" is curl's spelling of a header with an empty value ("Name:" would remove it).
        const std::string line = value.empty() ? name + ";" : name + ": " + value;
        if (!append(list, line.c_str())) return false;
    }
    // An empty Expect stops curl from waiting for "100 Continue" before sending a large body.
    return hasExpect || append(list, "Expect:");
}

HttpResult failure(HttpError error, std::string message) {
    HttpResult result;
    result.error = error;
    result.message = std::move(message);
    return result;
}

std::string inWords(milliseconds d) {
    return formatDuration(std::chrono::duration_cast<std::chrono::nanoseconds>(d).count());
}

std::string sizeInWords(size_t bytes) {
    if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MB";
    if (bytes >= 1024 && bytes % 1024 == 0) return std::to_string(bytes >> 10) + " KB";
    return std::to_string(bytes) + " bytes";
}

// The shorter of two limits where 0 means none.
milliseconds tighter(milliseconds a, milliseconds b) {
    if (a.count() <= 0) return b;
    if (b.count() <= 0) return a;
    return std::min(a, b);
}

std::string connectProblem(CURL* easy) {
    long osErrno = 0;
    curl_easy_getinfo(easy, CURLINFO_OS_ERRNO, &osErrno);
    switch (osErrno) {
        case ECONNREFUSED:
            return "connection refused";
        case ENETUNREACH:
            return "network unreachable";
        case EHOSTUNREACH:
            return "host unreachable";
        default:
            return "connection failed";
    }
}

// Turns curl's verdict into our error and a one-line message that names only the endpoint.
void classify(CURLcode code, CURL* easy, const Exchange& exchange, const HttpRequest& request,
              const std::string& endpoint, HttpResult& result) {
    HttpError error = HttpError::Other;
    std::string message;
    switch (code) {
        case CURLE_OK:
            return;
        case CURLE_UNSUPPORTED_PROTOCOL:
        case CURLE_URL_MALFORMAT:
            error = HttpError::BadUrl;
            message = "the address of " + endpoint + " is not a valid http or https URL";
            break;
        case CURLE_COULDNT_RESOLVE_HOST:
            error = HttpError::Resolve;
            message = "cannot find " + endpoint + " (the host name does not resolve)";
            break;
        case CURLE_COULDNT_RESOLVE_PROXY:
            error = HttpError::Resolve;
            message = "cannot reach " + endpoint + " (the proxy's host name does not resolve)";
            break;
        case CURLE_COULDNT_CONNECT:
            error = HttpError::Refused;
            message = "cannot connect to " + endpoint + " (" + connectProblem(easy) + ")";
            break;
        case CURLE_OPERATION_TIMEDOUT: {
            error = HttpError::Timeout;
            curl_off_t connectedAfter = 0;
            curl_easy_getinfo(easy, CURLINFO_CONNECT_TIME_T, &connectedAfter);
            if (connectedAfter == 0)
                message = "cannot connect to " + endpoint + " within " +
                          inWords(tighter(request.connectTimeout, request.timeout));
            else if (!exchange.anyData)
                message = "no answer from " + endpoint + " within " + inWords(request.timeout);
            else
                message = "the answer from " + endpoint + " did not complete within " +
                          inWords(request.timeout);
            break;
        }
        case CURLE_PEER_FAILED_VERIFICATION:
            error = HttpError::Tls;
            message = "cannot verify the certificate of " + endpoint +
                      " (untrusted, expired or for another name)";
            break;
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_SSL_ENGINE_NOTFOUND:
        case CURLE_SSL_ENGINE_SETFAILED:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_CIPHER:
        case CURLE_SSL_ENGINE_INITFAILED:
        case CURLE_USE_SSL_FAILED:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_SHUTDOWN_FAILED:
        case CURLE_SSL_CRL_BADFILE:
        case CURLE_SSL_ISSUER_ERROR:
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        case CURLE_SSL_INVALIDCERTSTATUS:
        case CURLE_SSL_CLIENTCERT:
            error = HttpError::Tls;
            message = "the secure connection to " + endpoint + " failed (TLS error)";
            break;
        case CURLE_PARTIAL_FILE:
            error = HttpError::Truncated;
            message = "the connection to " + endpoint + " closed before the answer was complete";
            break;
        case CURLE_RECV_ERROR:
            error = HttpError::Truncated;
            message =
                exchange.anyData
                    ? "the connection to " + endpoint + " closed before the answer was complete"
                    : "the connection to " + endpoint + " was reset before an answer arrived";
            break;
        case CURLE_GOT_NOTHING:
            error = HttpError::Truncated;
            message = endpoint + " closed the connection without answering";
            break;
        case CURLE_SEND_ERROR:
            error = HttpError::Truncated;
            message = "the connection to " + endpoint + " closed while the request was being sent";
            break;
        case CURLE_FILESIZE_EXCEEDED:
            error = HttpError::TooLarge;
            break;
        case CURLE_ABORTED_BY_CALLBACK:
        case CURLE_WRITE_ERROR:
            if (exchange.tooLarge) error = HttpError::TooLarge;
            if (exchange.cancelled) error = HttpError::Cancelled;
            break;
        default:
            break;
    }
    if (error == HttpError::TooLarge)
        message = "the answer from " + endpoint + " is larger than the limit of " +
                  sizeInWords(request.maxResponseBytes);
    else if (error == HttpError::Cancelled)
        message = cancelledResult(endpoint).message;
    else if (message.empty())
        // curl_easy_strerror is a fixed text per code: it never holds request data.
        message =
            "the request to " + endpoint + " failed (" + firstLower(curl_easy_strerror(code)) + ")";
    result.error = error;
    result.message = std::move(message);
    result.response.body.clear();
}

bool setMethod(CURL* easy, const HttpRequest& request) {
    if (request.method == "GET") return curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L) == CURLE_OK;
    if (request.method == "HEAD") return curl_easy_setopt(easy, CURLOPT_NOBODY, 1L) == CURLE_OK;
    if (!isToken(request.method)) return false;
    if (request.method != "POST")
        curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    if (request.method != "POST" && request.body.empty()) return true;
    // The body is sent from the caller's string, which outlives the transfer.
    curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE,
                     static_cast<curl_off_t>(request.body.size()));
    return curl_easy_setopt(easy, CURLOPT_POSTFIELDS, request.body.data()) == CURLE_OK;
}

void setOptions(CURL* easy, const HttpRequest& request, Exchange& exchange, curl_slist* headers) {
    curl_easy_setopt(easy, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    // Signals cannot be used on worker threads; curl then resolves on its own thread.
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(request.connectTimeout.count()));
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeout.count()));
    // On unless the user turned it off for one connection (the settings then show a warning).
    const long verify = request.verifyTls ? 1L : 0L;
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, verify);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, request.verifyTls ? 2L : 0L);
    if (!request.caFile.empty()) curl_easy_setopt(easy, CURLOPT_CAINFO, request.caFile.c_str());
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(easy, CURLOPT_USERAGENT, "rootline");
    // Trace queries compress well; the size limit applies to the decoded body.
    curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE,
                     static_cast<curl_off_t>(std::min<size_t>(
                         request.maxResponseBytes, std::numeric_limits<curl_off_t>::max())));
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, onHeaderLine);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, &exchange);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, onBody);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, &exchange);
    curl_easy_setopt(easy, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(easy, CURLOPT_XFERINFOFUNCTION, onProgress);
    curl_easy_setopt(easy, CURLOPT_XFERINFODATA, &exchange);
}

// Drives the transfer through a multi handle in short slices, so a raised cancel flag is seen
// within kPollSliceMs even while curl waits for a silent server (the progress callback alone
// can be called as rarely as once a second then).
CURLcode run(CURL* easy, Exchange& exchange) {
    const MultiHandle multi(curl_multi_init());
    if (!multi || curl_multi_add_handle(multi.get(), easy) != CURLM_OK) return CURLE_OUT_OF_MEMORY;
    CURLcode code = CURLE_OK;
    for (;;) {
        int running = 0;
        if (curl_multi_perform(multi.get(), &running) != CURLM_OK) {
            code = CURLE_FAILED_INIT;
            break;
        }
        if (running == 0) {
            int queued = 0;
            const CURLMsg* msg = curl_multi_info_read(multi.get(), &queued);
            code = msg && msg->msg == CURLMSG_DONE ? msg->data.result : CURLE_FAILED_INIT;
            break;
        }
        if (isCancelled(exchange.cancel)) {
            exchange.cancelled = true;
            code = CURLE_ABORTED_BY_CALLBACK;
            break;
        }
        curl_multi_poll(multi.get(), nullptr, 0, kPollSliceMs, nullptr);
    }
    curl_multi_remove_handle(multi.get(), easy);
    return code;
}

}  // namespace

HttpResult cancelledResult(const std::string& endpoint) {
    return failure(HttpError::Cancelled, "the request to " + endpoint + " was cancelled");
}

HttpResult transferOnce(const HttpRequest& request, const std::string& endpoint,
                        const std::atomic<bool>* cancel) {
    if (isCancelled(cancel)) return cancelledResult(endpoint);
    const std::optional<Endpoint> parsed = parseEndpoint(request.url);
    if (!parsed || !parsed->isHttp())
        return failure(HttpError::BadUrl,
                       parsed ? endpoint + " is not an http or https URL"
                              : "the server address is not a valid http or https URL");
    if (!globalInitOk()) return failure(HttpError::Other, "cannot start libcurl");
    const EasyHandle easy(curl_easy_init());
    if (!easy) return failure(HttpError::Other, "cannot start libcurl");

    Exchange exchange;
    exchange.cancel = cancel;
    exchange.maxBody = request.maxResponseBytes;
    HeaderList headers;
    if (!buildHeaders(request.headers, headers))
        return failure(HttpError::Other, "a request header for " + endpoint +
                                             " has an invalid name or a line break in its value");
    if (!setMethod(easy.get(), request))
        return failure(HttpError::Other, "the request method for " + endpoint + " is invalid");
    setOptions(easy.get(), request, exchange, headers.get());

    const CURLcode code = run(easy.get(), exchange);
    HttpResult result;
    curl_easy_getinfo(easy.get(), CURLINFO_RESPONSE_CODE, &result.response.status);
    result.response.headers = std::move(exchange.response.headers);
    result.response.body = std::move(exchange.response.body);
    classify(code, easy.get(), exchange, request, endpoint, result);
    return result;
}

}  // namespace rootline::net
