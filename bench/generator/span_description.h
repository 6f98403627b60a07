#pragma once
// A span described in words: its name, kind, attributes, events and status, as both writers
// need it. Filled by the describer for one span at a time and reused for the next.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rootline::bench::generator {

struct Attr {
    const char* key = "";
    enum Kind : uint8_t { Str, Int, Bool, Double } kind = Str;
    std::string text;  // strings, and doubles already formatted
    int64_t integer = 0;
    bool flag = false;
};

// A vector of attributes whose strings keep their capacity from span to span, so describing a
// span allocates nothing once the generator has warmed up.
class AttrList {
public:
    void clear() { size_ = 0; }
    size_t size() const { return size_; }
    const Attr& operator[](size_t i) const { return items_[i]; }
    std::string& str(const char* key) { return add(key, Attr::Str).text; }
    void str(const char* key, std::string_view value) { add(key, Attr::Str).text.assign(value); }
    void integer(const char* key, int64_t value) { add(key, Attr::Int).integer = value; }
    void boolean(const char* key, bool value) { add(key, Attr::Bool).flag = value; }
    // A decimal number from an integer count of hundredths (prices), exact in JSON.
    void cents(const char* key, int64_t hundredths) {
        std::string& t = add(key, Attr::Double).text;
        t = std::to_string(hundredths / 100) + '.';
        const int64_t frac = hundredths % 100;
        t += static_cast<char>('0' + frac / 10);
        t += static_cast<char>('0' + frac % 10);
    }

private:
    Attr& add(const char* key, Attr::Kind kind) {
        if (size_ == items_.size()) items_.emplace_back();
        Attr& a = items_[size_++];
        a.key = key;
        a.kind = kind;
        a.text.clear();
        return a;
    }
    std::vector<Attr> items_;
    size_t size_ = 0;
};

struct EventDesc {
    const char* name = "";
    int64_t timeNs = 0;
    size_t firstAttr = 0;  // into SpanDesc::eventAttrs
    size_t attrCount = 0;
};

struct SpanDesc {
    std::string name;
    int kind = 1;  // OTLP: 1 internal, 2 server, 3 client, 4 producer, 5 consumer
    AttrList attrs;
    AttrList eventAttrs;
    std::vector<EventDesc> events;
    bool error = false;
    std::string statusMessage;
    uint8_t scope = 0;  // index into the service's scopeNames
};

}  // namespace rootline::bench::generator
