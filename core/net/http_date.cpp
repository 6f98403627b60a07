#include "net/http_date.h"

#include <array>
#include <charconv>

namespace rootline::net {

namespace {

using namespace std::chrono;

constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<std::string_view, 7> kDays = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr std::array<std::string_view, 7> kLongDays = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

// A small cursor over the text: each step consumes exactly what it expects or fails.
class Reader {
public:
    explicit Reader(std::string_view text) : rest_(text) {}

    bool literal(std::string_view s) {
        if (rest_.substr(0, s.size()) != s) return false;
        rest_.remove_prefix(s.size());
        return true;
    }
    // Exactly `digits` decimal digits (asctime pads its day with a space, handled by the caller).
    bool number(int digits, int& out) {
        if (rest_.size() < static_cast<size_t>(digits)) return false;
        for (int i = 0; i < digits; ++i)
            if (rest_[i] < '0' || rest_[i] > '9') return false;
        std::from_chars(rest_.data(), rest_.data() + digits, out);
        rest_.remove_prefix(digits);
        return true;
    }
    template <size_t N>
    bool oneOf(const std::array<std::string_view, N>& names, int* index = nullptr) {
        for (size_t i = 0; i < N; ++i)
            if (literal(names[i])) {
                if (index) *index = static_cast<int>(i);
                return true;
            }
        return false;
    }
    bool done() const { return rest_.empty(); }

private:
    std::string_view rest_;
};

struct Fields {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
};

bool clockTime(Reader& r, Fields& f) {
    return r.number(2, f.hour) && r.literal(":") && r.number(2, f.minute) && r.literal(":") &&
           r.number(2, f.second);
}

// "Sun, 06 Nov 1994 08:49:37 GMT"
bool imfFixdate(std::string_view text, Fields& f) {
    Reader r(text);
    return r.oneOf(kDays) && r.literal(", ") && r.number(2, f.day) && r.literal(" ") &&
           r.oneOf(kMonths, &f.month) && r.literal(" ") && r.number(4, f.year) && r.literal(" ") &&
           clockTime(r, f) && r.literal(" GMT") && r.done();
}

// "Sunday, 06-Nov-94 08:49:37 GMT". Two-digit years 70–99 are 19xx and 00–69 are 20xx (the
// POSIX convention), which agrees with RFC 9110's 50-year rule for dates a server sends now.
bool rfc850(std::string_view text, Fields& f) {
    Reader r(text);
    if (!(r.oneOf(kLongDays) && r.literal(", ") && r.number(2, f.day) && r.literal("-") &&
          r.oneOf(kMonths, &f.month) && r.literal("-") && r.number(2, f.year) && r.literal(" ") &&
          clockTime(r, f) && r.literal(" GMT") && r.done()))
        return false;
    f.year += f.year < 70 ? 2000 : 1900;
    return true;
}

// "Sun Nov  6 08:49:37 1994"
bool asctimeDate(std::string_view text, Fields& f) {
    Reader r(text);
    if (!(r.oneOf(kDays) && r.literal(" ") && r.oneOf(kMonths, &f.month) && r.literal(" ")))
        return false;
    if (!(r.literal(" ") ? r.number(1, f.day) : r.number(2, f.day))) return false;
    return r.literal(" ") && clockTime(r, f) && r.literal(" ") && r.number(4, f.year) && r.done();
}

}  // namespace

std::optional<system_clock::time_point> parseHttpDate(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    Fields f;
    if (!imfFixdate(text, f) && !rfc850(text, f) && !asctimeDate(text, f)) return std::nullopt;
    // kMonths is 0-based; the calendar is 1-based.
    const year_month_day date{year{f.year}, month{static_cast<unsigned>(f.month + 1)},
                              day{static_cast<unsigned>(f.day)}};
    // 60 seconds is a leap second, which the system clock folds into the next minute.
    if (!date.ok() || f.hour > 23 || f.minute > 59 || f.second > 60) return std::nullopt;
    return sys_days{date} + hours{f.hour} + minutes{f.minute} + seconds{f.second};
}

}  // namespace rootline::net
