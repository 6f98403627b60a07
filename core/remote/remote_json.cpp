#include "remote/remote_json.h"

#include <charconv>
#include <limits>

#include "formats/json_scanner.h"

namespace rootline::remote {

namespace {

using nlohmann::json;

constexpr size_t kScannerPadding = 64;  // json_scanner reads this far past the end

std::string answerFrom(std::string_view endpoint, std::string_view what) {
    return "the answer from " + std::string(endpoint) + " to " + std::string(what);
}

RemoteError incomplete(std::string_view endpoint, std::string_view what, size_t size) {
    return {RemoteErrorKind::BadResponse, answerFrom(endpoint, what) +
                                              " is incomplete (the JSON stops after " +
                                              std::to_string(size) + " bytes)"};
}

RemoteError invalid(std::string_view endpoint, std::string_view what, size_t byte) {
    return {RemoteErrorKind::BadResponse,
            answerFrom(endpoint, what) + " is not valid JSON (byte " + std::to_string(byte) + ")"};
}

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

}  // namespace

size_t JsonAnswer::spansUnder(const json& root) const {
    // An explicit stack, not recursion: a hostile body may nest thousands of levels deep.
    size_t total = 0;
    std::vector<const json*> stack{&root};
    while (!stack.empty()) {
        const json& node = *stack.back();
        stack.pop_back();
        if (node.is_object()) {
            for (auto it = node.begin(); it != node.end(); ++it) {
                const json& value = it.value();
                if (it.key() != "spans" || !value.is_array()) {
                    stack.push_back(&value);
                } else if (value.size() == 1 && value[0].is_number_unsigned() &&
                           value[0].get<size_t>() < spanCounts.size()) {
                    total += spanCounts[value[0].get<size_t>()];  // a placeholder: [group]
                } else {
                    total += value.size();  // a spans array the scanner left as it was
                }
            }
        } else if (node.is_array()) {
            for (const json& item : node)
                stack.push_back(&item);
        }
    }
    return total;
}

bool parseJsonAnswer(std::string& body, std::string_view endpoint, std::string_view what,
                     JsonAnswer& out, RemoteError& error) {
    const size_t size = body.size();
    size_t first = 0;
    while (first < size && isSpace(body[first]))
        ++first;
    if (first == size) {
        error = {RemoteErrorKind::BadResponse,
                 answerFrom(endpoint, what) + " is empty where JSON was expected"};
        return false;
    }

    // The scanner reads past the end; the spare bytes are spaces, then the size is restored.
    body.append(kScannerPadding, ' ');
    const ScanResult scan =
        scanJson(body.data(), size, std::numeric_limits<size_t>::max(), JobControl{});
    body.resize(size);

    switch (scan.damage.kind) {
        case ScanDamage::Kind::EndsInString:
        case ScanDamage::Kind::Unclosed:
            error = incomplete(endpoint, what, size);
            return false;
        case ScanDamage::Kind::StrayClose:
            error = invalid(endpoint, what, scan.damage.offset);
            return false;
        case ScanDamage::Kind::None:
            break;
    }
    if (scan.strayText) {
        error = invalid(endpoint, what, *scan.strayText);
        return false;
    }

    // The skeleton when there is one (it is small); the body itself otherwise.
    const bool useSkeleton = scan.hasSkeleton && !scan.topLevelArrayIsGroup;
    const std::string_view text = useSkeleton
                                      ? std::string_view(scan.skeleton.data(), scan.skeletonSize)
                                      : std::string_view(body);
    try {
        out.doc = json::parse(text);
    } catch (const json::parse_error& e) {
        // e.byte counts from 1; past the end means the text stopped early.
        if (e.byte > text.size()) {
            error = incomplete(endpoint, what, size);
        } else {
            const size_t at = e.byte > 0 ? e.byte - 1 : 0;
            error = invalid(endpoint, what, useSkeleton ? scan.fileOffset(at) : at);
        }
        return false;
    }
    out.spanCounts.clear();
    if (useSkeleton)
        for (const SpanGroup& group : scan.groups)
            out.spanCounts.push_back(group.elements);
    return true;
}

RemoteError unexpectedJson(std::string_view endpoint, std::string_view what, std::string_view api,
                           std::string_view detail) {
    return {RemoteErrorKind::BadResponse, answerFrom(endpoint, what) + " is not what the " +
                                              std::string(api) + " API sends (" +
                                              std::string(detail) + ")"};
}

const json* member(const json& object, const char* key) {
    if (!object.is_object()) return nullptr;
    const auto it = object.find(key);
    return it == object.end() || it->is_null() ? nullptr : &*it;
}

std::string stringOf(const json& object, const char* key) {
    const json* value = member(object, key);
    return value && value->is_string() ? value->get<std::string>() : std::string();
}

int64_t intOf(const json& object, const char* key, int64_t fallback) {
    const json* value = member(object, key);
    if (!value) return fallback;
    if (value->is_number_integer()) return value->get<int64_t>();
    if (value->is_number_unsigned()) {
        const uint64_t v = value->get<uint64_t>();
        return v > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())
                   ? std::numeric_limits<int64_t>::max()
                   : static_cast<int64_t>(v);
    }
    if (value->is_number_float()) {
        const double v = value->get<double>();
        if (!(v > -9.2e18 && v < 9.2e18)) return fallback;  // also NaN
        return static_cast<int64_t>(v);
    }
    if (value->is_string()) {
        const std::string& s = value->get_ref<const std::string&>();
        int64_t v = 0;
        const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
        if (ec == std::errc{} && end == s.data() + s.size()) return v;
    }
    return fallback;
}

}  // namespace rootline::remote
