#pragma once
// The JSON text both writers produce, buffered. Header-only so that the writers' calls per
// token inline.

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>

#include "generator/text_format.h"

namespace rootline::bench::generator {

// Appends to a buffer and hands it to the stream in large chunks: an ostream call per token
// would make generation slower than the import it is meant to measure.
class JsonOut {
public:
    explicit JsonOut(std::ostream& os) : os_(os) { buf_.reserve(kChunk + (64 << 10)); }

    void raw(std::string_view s) { buf_.append(s); }
    void raw(char c) { buf_.push_back(c); }
    void integer(int64_t v) { appendInt(buf_, v); }
    void hex(uint64_t v, int digits) { appendHex(buf_, v, digits); }
    void quoted(std::string_view s) {
        static const char hexDigits[] = "0123456789abcdef";
        buf_.push_back('"');
        for (char c : s) {
            switch (c) {
                case '"':
                    buf_ += "\\\"";
                    break;
                case '\\':
                    buf_ += "\\\\";
                    break;
                case '\n':
                    buf_ += "\\n";
                    break;
                case '\t':
                    buf_ += "\\t";
                    break;
                case '\r':
                    buf_ += "\\r";
                    break;
                default:
                    if (static_cast<unsigned char>(c) < 0x20) {
                        buf_ += "\\u00";
                        buf_.push_back(hexDigits[(c >> 4) & 0xF]);
                        buf_.push_back(hexDigits[c & 0xF]);
                    } else {
                        buf_.push_back(c);
                    }
            }
        }
        buf_.push_back('"');
    }
    // Once per span: hands the buffer over when it is full.
    void maybeFlush() {
        if (buf_.size() >= kChunk) flush();
    }
    void flush() {
        os_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
        buf_.clear();
        if (!os_) throw std::runtime_error("writing the trace failed");
    }

private:
    static constexpr size_t kChunk = 1 << 20;
    std::ostream& os_;
    std::string buf_;
};

}  // namespace rootline::bench::generator
