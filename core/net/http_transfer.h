#pragma once
// One HTTP exchange through libcurl, without retries: the building block of `send`.

#include <atomic>
#include <string>

#include "net/http_client.h"

namespace rootline::net {

// Runs the request once. `endpoint` is describeEndpoint(request.url), used in messages. The
// result's `attempts` and `elapsed` are left for the caller. On an error the response keeps the
// status and headers that arrived, never a partial body.
HttpResult transferOnce(const HttpRequest& request, const std::string& endpoint,
                        const std::atomic<bool>* cancel);

// The result of a request stopped by the cancel flag.
HttpResult cancelledResult(const std::string& endpoint);

}  // namespace rootline::net
