#include "formats/load.h"

#include "tracepack/tracepack_reader.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>

#include "formats/document_reader.h"
#include "formats/jaeger_reader.h"
#include "formats/json_error_locator.h"
#include "formats/otlp_reader.h"
#include "formats/read_context.h"
#include "formats/window_pipeline.h"
#include "util/utf8_repair.h"

namespace rootline {

namespace {

bool isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

std::string withThousands(size_t n) {
    const std::string digits = std::to_string(n);
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
        out.push_back(digits[i]);
    }
    return out;
}

std::string printable(std::string_view text) {
    std::string out;
    for (char c : text.substr(0, 24))
        out.push_back(static_cast<unsigned char>(c) < 0x20 ? ' ' : c);
    if (text.size() > 24) out += "…";
    return out;
}

class Stopwatch {
public:
    double lap() {
        const auto now = std::chrono::steady_clock::now();
        const double s = std::chrono::duration<double>(now - last_).count();
        last_ = now;
        return s;
    }

private:
    std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

// Where nesting first goes deeper than simdjson's limit (1,024), skipping strings.
size_t depthLimitOffset(const char* data, size_t size) {
    int depth = 0;
    bool inString = false;
    for (size_t i = 0; i < size; ++i) {
        const char c = data[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > 1024) return i;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return 0;
}

// Why [data, data + size) did not parse: too deep (valid JSON, but beyond the parser's limit),
// or a syntax error located by the error locator.
LoadError describeJsonFailure(simdjson::error_code code, const char* data, size_t size,
                              const std::function<size_t(size_t)>& toFile) {
    if (code == simdjson::DEPTH_ERROR)
        return {"the JSON nests objects and arrays deeper than 1,024 levels",
                toFile(depthLimitOffset(data, size))};
    if (auto located = locateJsonError(data, size))
        return {"invalid JSON: " + located->message, toFile(located->offset)};
    return {"invalid JSON: " + std::string(simdjson::error_message(code)), toFile(0)};
}

class Loader {
public:
    Loader(simdjson::padded_string& buffer, std::string source, const JobControl& control,
           const LoadOptions& options)
        : buffer_(buffer), source_(std::move(source)), control_(control), options_(options) {}

    LoadResult run() {
        char* data = buffer_.data();
        const size_t size = buffer_.size();
        if (size == 0) return fail("the file is empty", std::nullopt);
        if (size >= 3 && static_cast<unsigned char>(data[0]) == 0xEF &&
            static_cast<unsigned char>(data[1]) == 0xBB &&
            static_cast<unsigned char>(data[2]) == 0xBF)
            data[0] = data[1] = data[2] = ' ';  // a UTF-8 byte order mark
        size_t first = 0;
        while (first < size && isSpace(data[first]))
            ++first;
        if (first == size) return fail("the file holds only whitespace", std::nullopt);
        if (data[first] == '<')
            return fail(
                "this is an HTML or XML page, not trace JSON (a login or error page "
                "saved instead of the trace?)",
                first);
        if (data[first] != '{' && data[first] != '[') {
            // A lone string, number or literal is valid JSON, just not a trace.
            if (locateJsonError(data, size) == std::nullopt)
                return fail(
                    "not a trace: the file holds a single JSON value, not an object or "
                    "array",
                    first);
            return fail("not JSON: the file starts with \"" +
                            printable(std::string_view(data + first, size - first)) + "\"",
                        first);
        }

        Stopwatch clock;
        TraceBuilder builder;
        // Capacity guesses from the file size (a Jaeger span is ~1 KB, an OTLP one ~0.8 KB);
        // reserving only reserves address space, and a wrong guess just means regrowth.
        builder.reserveSpans(size / 700 + 16);
        builder.attrs().reservePairs(size / 200 + 64);
        ReadContext ctx(builder, control_);
        readSpanWindows(ctx, data[first] == '[');
        stats_.spansSeconds = clock.lap();
        ctx.groups.resize(scan_.groups.size());
        readSkeleton(ctx);
        resolveGroups(ctx);
        stats_.skeletonSeconds = clock.lap();
        control_.checkpoint();
        if (ctx.missingProcessMap || missingProcessMap_)
            warnings_.push_back(
                "the trace's \"processes\" map is missing, so the services of "
                "its spans are unknown");
        if (utf8Replaced_)
            warnings_.push_back("replaced " + withThousands(utf8Replaced_) +
                                " bytes of invalid UTF-8 with '?' (first at byte " +
                                std::to_string(*utf8First_) + ")");
        noteDamage(ctx);

        if (builder.committedSpans() == droppedSpans_ && firstError_)
            return {nullptr, *firstError_, stats_};
        control_.report(0.92);
        auto file = std::make_shared<TraceFile>();
        file->source = source_;
        file->traces = builder.finish(control_);
        file->dict = builder.sharedDict();
        stats_.indexSeconds = clock.lap();
        for (const auto& f : ctx.formats)
            file->format += (file->format.empty() ? "" : ", ") + f;
        if (file->format.empty()) file->format = "JSON";  // "[]", or nothing recognisable
        if (scan_.topLevel.size() > 1)
            file->format += " (" + withThousands(scan_.topLevel.size()) + " documents)";
        file->warnings = std::move(warnings_);
        file->warnings.insert(file->warnings.end(), ctx.warnings.begin(), ctx.warnings.end());
        if (file->traces.empty()) file->warnings.push_back("the file holds no spans");
        control_.report(1.0);
        return {file, {}, stats_};
    }

private:
    LoadResult fail(std::string message, std::optional<size_t> byte) {
        return {nullptr, LoadError{std::move(message), byte}, stats_};
    }

    void recordError(const LoadError& error) {
        if (!firstError_) firstError_ = error;
    }

    void noteRepair(const Utf8Repair& repair) {
        utf8Replaced_ += repair.replaced;
        if (repair.firstOffset && (!utf8First_ || *repair.firstOffset < *utf8First_))
            utf8First_ = repair.firstOffset;
    }

    // A parse failure at the very end of a damaged file is the damage itself, reported once by
    // noteDamage() with a better message.
    bool damageExplains(size_t fileEnd) const {
        return scan_.damage.kind != ScanDamage::Kind::None && fileEnd >= scan_.damage.offset;
    }

    void readSkeleton(ReadContext& ctx) {
        char* skel = scan_.hasSkeleton ? scan_.skeleton.data() : buffer_.data();
        if (scan_.topLevel.empty() && scan_.strayText) {
            recordError({"not JSON", scan_.strayText});
            return;
        }
        if (scan_.strayText)
            warnings_.push_back("ignored text that is not part of any JSON value at byte " +
                                std::to_string(*scan_.strayText));
        for (const auto& [begin, end] : scan_.skippedDocuments) {
            LoadError err{"invalid JSON: a document that does not close", begin};
            if (auto located = locateJsonError(buffer_.data() + begin, end - begin))
                err = {"invalid JSON: " + located->message, begin + located->offset};
            recordError(err);
            warnings_.push_back(describeLoadError("", err) + "; skipped that line");
        }
        ctx.topLevelArrayIsGroup = scan_.topLevelArrayIsGroup;
        simdjson::dom::parser parser;
        for (const auto& [begin, end] : scan_.topLevel) {
            control_.checkpoint();
            ctx.docStart = scan_.fileOffset(begin);
            auto toFile = [&, begin = begin](size_t offset) {
                return scan_.fileOffset(begin + offset);
            };
            ctx.docText = std::string_view(skel + begin, end - begin);
            ctx.docToFile = toFile;
            simdjson::dom::element root;
            auto error = parser.parse(skel + begin, end - begin, false).get(root);
            if (error == simdjson::UTF8_ERROR) {
                Utf8Repair repair = repairUtf8(skel + begin, end - begin);
                if (repair.firstOffset) repair.firstOffset = toFile(*repair.firstOffset);
                noteRepair(repair);
                error = parser.parse(skel + begin, end - begin, false).get(root);
            }
            if (error) {
                if (!damageExplains(scan_.fileOffset(end)))
                    recordError(describeJsonFailure(error, skel + begin, end - begin, toFile));
                continue;
            }
            try {
                readDocument(root, ctx);
            } catch (const FormatError& e) {
                recordError({e.what(), e.byte});
            }
        }
    }

    // Scans the file and builds the spans of every group, window by window, before the
    // skeleton is known: each span keeps its group number until resolveGroups().
    void readSpanWindows(ReadContext& ctx, bool fileIsArray) {
        WindowPipeline pipeline(buffer_.data(), buffer_.size(), options_.windowBytes,
                                options_.parallel, control_);
        const double size = static_cast<double>(std::max<size_t>(buffer_.size(), 1));
        while (auto window = pipeline.next()) {
            readWindow(ctx, *window, fileIsArray);
            control_.report(0.9 * static_cast<double>(window->job->to) / size);
        }
        scan_ = std::move(pipeline.scan());
        stats_.scanSeconds = pipeline.scanSeconds();
        stats_.windows = pipeline.windows();
    }

    void readWindow(ReadContext& ctx, const ParsedWindow& window, bool fileIsArray) {
        noteRepair(window.repair);
        const size_t group = window.job->group;
        ctx.docStart = window.contentStart;
        // The scanner makes the file's first top-level array group 0 when the file starts
        // with '['; its elements are whole spans (Zipkin, Jaeger dumps).
        const bool topLevelArray = fileIsArray && group == 0;
        if (window.error) {
            salvageWindow(ctx, window, topLevelArray);
            return;
        }
        try {
            for (json::Element item : json::arrayOf(window.root))
                readElement(ctx, item, group, topLevelArray);
        } catch (const FormatError& e) {
            const LoadError err{e.what(), e.byte};
            windowProblems_.push_back(
                {group, err,
                 describeLoadError("", err) + "; skipped the rest of that part of the file"});
        }
    }

    void readElement(ReadContext& ctx, json::Element item, size_t group, bool topLevelArray) {
        if (ctx.windowShapes.size() <= group) ctx.windowShapes.resize(group + 1, -1);
        int& shape = ctx.windowShapes[group];
        const auto g = static_cast<uint32_t>(group);
        if (topLevelArray) {
            readTopLevelElement(item, ctx, shape, g);
            return;
        }
        if (shape < 0) {
            shape = static_cast<int>(guessSpanShape(item));
            if (shape == static_cast<int>(DocumentShape::Unknown))
                throw FormatError("a \"spans\" array holds objects that are not spans",
                                  ctx.docStart);
        }
        if (shape == static_cast<int>(DocumentShape::JaegerSpan))
            readJaegerSpan(item, ctx, nullptr, g);
        else
            readOtlpSpan(item, ctx, nullptr, g);
    }

    // A window that does not parse is split into its elements and each is parsed alone, so
    // one damaged span costs that span and not the ~1,000 around it.
    void salvageWindow(ReadContext& ctx, const ParsedWindow& window, bool topLevelArray) {
        const size_t group = window.job->group;
        const JobControl none;
        // The window text is "[e1,e2,…]": scanned with 1-byte windows, every element is a cut.
        const ScanResult pieces = scanJson(window.text, window.length, 1, none);
        const SpanGroup* elements =
            pieces.topLevelArrayIsGroup && !pieces.groups.empty() ? &pieces.groups[0] : nullptr;
        if (!elements || window.error == simdjson::MEMALLOC) {
            const LoadError err = describeJsonFailure(
                window.error, window.text, window.length,
                [&](size_t offset) { return window.contentStart + (offset > 0 ? offset - 1 : 0); });
            windowProblems_.push_back(
                {group, err,
                 describeLoadError("", err) + "; skipped the spans in that part of the file"});
            return;
        }
        simdjson::dom::parser parser;
        std::vector<char> buffer;
        size_t from = 1;  // just after the window's '['
        for (size_t cut : elements->cuts) {
            while (from < cut && (isSpace(window.text[from]) || window.text[from] == ','))
                ++from;
            const size_t fileOffset = window.contentStart + from - 1;
            buffer.assign(window.text + from, window.text + cut);
            const size_t length = buffer.size();
            buffer.resize(length + simdjson::SIMDJSON_PADDING, ' ');
            simdjson::dom::element item;
            const simdjson::error_code parsed =
                parser.parse(buffer.data(), length, false).get(item);
            if (parsed == simdjson::SUCCESS) {
                try {
                    readElement(ctx, item, group, topLevelArray);
                } catch (const FormatError& e) {
                    const LoadError err{e.what(), e.byte};
                    windowProblems_.push_back({group, err, describeLoadError("", err)});
                }
            } else {
                const LoadError err = describeJsonFailure(
                    parsed, buffer.data(), length,
                    [fileOffset](size_t offset) { return fileOffset + offset; });
                windowProblems_.push_back(
                    {group, err, describeLoadError("", err) + "; skipped that span"});
            }
            from = cut;
        }
    }

    // What the skeleton said about each group, applied to the spans built before it was read.
    void resolveGroups(ReadContext& ctx) {
        std::vector<GroupResolution> resolutions(scan_.groups.size());
        std::vector<bool> claimed(scan_.groups.size(), false);
        size_t unclaimed = 0;
        for (size_t g = 0; g < scan_.groups.size(); ++g) {
            const GroupContext& c = ctx.groups[g];
            GroupResolution& r = resolutions[g];
            switch (c.kind) {
                case GroupContext::Kind::None:
                    if (!scan_.groups[g].topLevelArray && !scan_.groups[g].abandoned)
                        unclaimed += scan_.groups[g].elements;
                    break;
                case GroupContext::Kind::TopLevel:
                    r.kind = GroupResolution::Kind::Keep;
                    break;
                case GroupContext::Kind::Jaeger:
                    r.kind = GroupResolution::Kind::Jaeger;
                    r.traceId = c.traceId;
                    r.processes = &c.processes;
                    r.processesSeen = c.processesSeen;
                    break;
                case GroupContext::Kind::Otlp:
                    r.kind = GroupResolution::Kind::Otlp;
                    r.resource = c.resource;
                    r.scope = c.scope;
                    break;
            }
            claimed[g] = r.kind != GroupResolution::Kind::Drop;
        }
        const TraceBuilder::Resolution outcome = ctx.builder.resolveGroups(resolutions);
        missingProcessMap_ = outcome.missingProcessMap;
        droppedSpans_ = outcome.dropped;
        // Problems in groups that turned out not to be traces (a search result's spans) are
        // not the user's problem.
        for (const WindowProblem& p : windowProblems_) {
            if (p.group >= claimed.size() || !claimed[p.group]) continue;
            recordError(p.error);
            warnings_.push_back(p.warning);
        }
        if (unclaimed)
            warnings_.push_back("skipped " + withThousands(unclaimed) +
                                " entries of \"spans\" arrays found outside any trace");
    }

    void noteDamage(ReadContext& ctx) {
        const ScanDamage& d = scan_.damage;
        if (d.kind == ScanDamage::Kind::None) return;
        std::string what;
        switch (d.kind) {
            case ScanDamage::Kind::EndsInString:
                what = "the file ends inside a string (truncated?)";
                break;
            case ScanDamage::Kind::Unclosed:
                what = "the file ends before " + std::to_string(d.openBrackets) +
                       (d.openBrackets == 1 ? " bracket is" : " brackets are") +
                       " closed (truncated?)";
                break;
            case ScanDamage::Kind::StrayClose:
                what = "invalid JSON: a closing bracket with nothing to close";
                break;
            case ScanDamage::Kind::None:
                break;
        }
        const LoadError err{what, d.offset};
        const size_t kept = ctx.builder.committedSpans() - droppedSpans_;
        if (kept > 0)
            // First: it explains the warnings it causes (a missing processes map, …).
            warnings_.insert(warnings_.begin(),
                             describeLoadError("", err) + "; loaded the " + withThousands(kept) +
                                 (kept == 1 ? " span" : " spans") + " read before that point");
        // The damage outranks the follow-on errors it caused.
        firstError_ = err;
    }

    simdjson::padded_string& buffer_;
    std::string source_;
    const JobControl& control_;
    LoadOptions options_;
    ScanResult scan_;
    LoadStats stats_;
    std::vector<std::string> warnings_;
    struct WindowProblem {
        size_t group;
        LoadError error;
        std::string warning;
    };
    std::vector<WindowProblem> windowProblems_;
    bool missingProcessMap_ = false;
    size_t droppedSpans_ = 0;
    std::optional<LoadError> firstError_;
    size_t utf8Replaced_ = 0;
    std::optional<size_t> utf8First_;
};

}  // namespace

LoadResult loadTraceBuffer(simdjson::padded_string& buffer, const std::string& source,
                           const JobControl& control, const LoadOptions& options) {
    // A tracepack is small and has a layout of its own (tracepack/tracepack_reader.h).
    if (isTracepackDocument(std::string_view(buffer.data(), buffer.size())))
        return readTracepack(std::string_view(buffer.data(), buffer.size()), source);
    try {
        Loader loader(buffer, source, control, options);
        return loader.run();
    } catch (const Cancelled&) {
        return {nullptr, LoadError{"cancelled", std::nullopt, true}, {}};
    } catch (const std::bad_alloc&) {
        return {nullptr, LoadError{"not enough memory to load this file", std::nullopt}, {}};
    }
}

LoadResult loadTraceText(std::string_view text, const std::string& source,
                         const JobControl& control, const LoadOptions& options) {
    try {
        simdjson::padded_string buffer(text);
        return loadTraceBuffer(buffer, source, control, options);
    } catch (const std::bad_alloc&) {
        return {nullptr, LoadError{"not enough memory to load this file", std::nullopt}, {}};
    }
}

LoadResult loadTraceFile(const std::string& path, const JobControl& control,
                         const LoadOptions& options) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (std::filesystem::is_directory(status))
        return {nullptr, LoadError{"is a directory, not a trace file", std::nullopt}, {}};
    // A device or pipe given by name (/dev/zero, a FIFO) would be read forever, before any
    // cancellation checkpoint.
    if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status))
        return {nullptr, LoadError{"not a regular file", std::nullopt}, {}};
    simdjson::padded_string buffer;
    simdjson::error_code err = simdjson::SUCCESS;
    try {
        err = simdjson::padded_string::load(path).get(buffer);
    } catch (const std::bad_alloc&) {
        return {nullptr, LoadError{"not enough memory to read this file", std::nullopt}, {}};
    }
    if (err) {
        if (!std::filesystem::exists(path, ec))
            return {nullptr, LoadError{"no such file", std::nullopt}, {}};
        return {
            nullptr,
            LoadError{"cannot read the file (" + std::string(simdjson::error_message(err)) + ")",
                      std::nullopt},
            {}};
    }
    return loadTraceBuffer(buffer, path, control, options);
}

std::string describeLoadError(const std::string& source, const LoadError& error) {
    std::string out = source.empty() ? "" : source + ": ";
    out += error.message;
    if (error.byte) out += " (byte " + std::to_string(*error.byte) + ")";
    return out;
}

}  // namespace rootline
