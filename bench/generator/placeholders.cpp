#include "generator/placeholders.h"

#include "generator/text_format.h"

namespace rootline::bench::generator {

void expand(std::string& out, std::string_view templ, Rng& rng) {
    static const char* currencies[] = {"USD", "EUR", "GBP", "JPY", "CAD", "CHF"};
    static const char* words[] = {"electronics", "garden", "books",  "toys",
                                  "kitchen",     "sports", "beauty", "outdoor"};
    static const char* countries[] = {"US", "GB", "DE", "FR", "JP", "CA"};
    size_t pos = 0;
    while (pos < templ.size()) {
        const size_t open = templ.find('{', pos);
        const size_t close = open == std::string_view::npos ? open : templ.find('}', open);
        if (close == std::string_view::npos) {
            out.append(templ.substr(pos));
            return;
        }
        const std::string_view name = templ.substr(open + 1, close - open - 1);
        out.append(templ.substr(pos, open - pos));
        pos = close + 1;
        if (name == "id") {
            appendInt(out, 1 + rng.below(999999));
        } else if (name == "n") {
            appendInt(out, 1 + rng.below(50));
        } else if (name == "n4") {
            appendPadded(out, rng.below(10000), 4);
        } else if (name == "uuid") {
            const uint64_t a = rng.next(), b = rng.next();
            appendHex(out, a >> 32, 8);
            out += '-';
            appendHex(out, (a >> 16) & 0xFFFF, 4);
            out += "-4";
            appendHex(out, a & 0xFFF, 3);
            out += '-';
            appendHex(out, 0x8000 | (b >> 48 & 0x3FFF), 4);
            out += '-';
            appendHex(out, b & 0xFFFFFFFFFFFFULL, 12);
        } else if (name == "hex") {
            appendHex(out, rng.next(), 16);
            appendHex(out, rng.next(), 16);
        } else if (name == "sku") {
            out += "SKU-";
            appendPadded(out, rng.below(1000000), 6);
        } else if (name == "cur") {
            out += rng.pick(currencies);
        } else if (name == "word") {
            out += rng.pick(words);
        } else if (name == "cc") {
            out += rng.pick(countries);
        } else if (name == "ip") {
            out += "203.0.113.";
            appendInt(out, 1 + rng.below(254));
        } else if (name == "mm" || name == "ss") {
            appendPadded(out, rng.below(60), 2);
        } else if (name == "zone") {
            out += "EU-";
            appendInt(out, 1 + rng.below(9));
        } else {
            // Not a placeholder: put the brace back and continue just after it.
            out += '{';
            pos = open + 1;
        }
    }
}

}  // namespace rootline::bench::generator
