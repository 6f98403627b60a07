// `send`: attempts, the retry decision and the cancellable waits between attempts. One attempt
// is http_transfer.cpp; when a response may be retried is http_retry.cpp.

#include "net/http_client.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <thread>

#include "net/http_transfer.h"

namespace rootline::net {

namespace {

using std::chrono::milliseconds;
using std::chrono::steady_clock;

// How late a cancel raised during a wait between attempts can be noticed.
constexpr milliseconds kWaitSlice{50};

bool isCancelled(const std::atomic<bool>* cancel) {
    return cancel && cancel->load(std::memory_order_relaxed);
}

// min(base·2^n, max)·(1 − 0.25·rand): the jitter keeps many clients from retrying in step.
milliseconds backoff(const RetryPolicy& policy, int retriesMade) {
    thread_local std::mt19937 random{std::random_device{}()};
    const double base = static_cast<double>(policy.baseBackoff.count());
    const double grown =
        std::min(base * std::pow(2.0, retriesMade), static_cast<double>(policy.maxBackoff.count()));
    const double jitter = 1.0 - 0.25 * std::uniform_real_distribution<double>(0.0, 1.0)(random);
    return milliseconds(static_cast<int64_t>(std::max(0.0, grown * jitter)));
}

bool isConnectionError(HttpError error) {
    return error == HttpError::Refused || error == HttpError::Timeout ||
           error == HttpError::Truncated;
}

// How long to wait before the next attempt, or nullopt when this result is final.
std::optional<milliseconds> retryWait(const HttpResult& result, const RetryPolicy& policy,
                                      int retriesMade) {
    if (result.error != HttpError::None)
        return policy.retryConnectionErrors && isConnectionError(result.error)
                   ? std::optional(backoff(policy, retriesMade))
                   : std::nullopt;
    const bool retryable =
        policy.retryable ? policy.retryable(result.response) : defaultRetryable(result.response);
    if (!retryable) return std::nullopt;
    if (const auto asked = retryAfter(result.response)) {
        // Waiting longer than the cap would freeze the caller; the response goes back as it is
        // so the user can be told when to try again.
        if (*asked > policy.maxRetryAfter) return std::nullopt;
        return asked;
    }
    return backoff(policy, retriesMade);
}

// Sleeps in short slices; false when the cancel flag went up meanwhile.
bool waitUnlessCancelled(milliseconds wait, const std::atomic<bool>* cancel) {
    const auto until = steady_clock::now() + wait;
    for (;;) {
        if (isCancelled(cancel)) return false;
        const auto now = steady_clock::now();
        if (now >= until) return true;
        std::this_thread::sleep_for(std::min<steady_clock::duration>(until - now, kWaitSlice));
    }
}

}  // namespace

std::string HttpResponse::header(std::string_view name) const {
    const auto equalNoCase = [](std::string_view a, std::string_view b) {
        return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
            const auto lower = [](char c) {
                return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
            };
            return lower(x) == lower(y);
        });
    };
    for (const auto& [key, value] : headers)
        if (equalNoCase(key, name)) return value;
    return {};
}

HttpResult send(const HttpRequest& request, const RetryPolicy& policy,
                const std::atomic<bool>* cancel) {
    const auto start = steady_clock::now();
    const std::string endpoint = describeEndpoint(request.url);
    const int maxAttempts = 1 + std::max(0, policy.maxRetries);
    HttpResult result;
    for (int attempt = 1;; ++attempt) {
        result = transferOnce(request, endpoint, cancel);
        result.attempts = attempt;
        if (attempt >= maxAttempts) break;
        const std::optional<milliseconds> wait = retryWait(result, policy, attempt - 1);
        if (!wait) break;
        if (!waitUnlessCancelled(*wait, cancel)) {
            result = cancelledResult(endpoint);
            result.attempts = attempt;
            break;
        }
    }
    result.elapsed = std::chrono::duration_cast<milliseconds>(steady_clock::now() - start);
    return result;
}

}  // namespace rootline::net
