#pragma once
// The investigation history: every "Explain this error" run, kept in a local SQLite file under
// the user's data directory (~/.local/share/Rootline/rootline/history.sqlite3 by default), with a
// tamper-evident audit chain. Only core/store touches sqlite3.
//
// The chain: records are append-only and numbered from 1. Each record holds the previous
// record's hash (64 zeros for the first) and its own hash, the SHA-256 (hex) of that previous
// hash followed by its canonical bytes. Changing, removing or reordering any record breaks the
// chain at the first record affected; verify() names it. A one-row chain head (the newest
// record's number and hash, moved by every append) makes removing the newest records visible
// too. A resolution note is a record of its own that refers to an investigation, so adding one
// never rewrites the past.
//
// Never stored: API keys, tokens, Authorization headers. Callers pass request metadata with
// secrets already left out; append() refuses (returns an error) a record whose text contains
// any of the secret values given to setSecretsToRefuse().
//
// How records are stored and hashed (canonical bytes, chain, chain head): store/history_record.h.
// Text is stored as UTF-8; a byte that is not valid UTF-8 is stored as U+FFFD.
//
// Threads and processes: one InvestigationHistory may be used from one thread at a time (it
// owns one SQLite connection); give each thread its own object. Several objects, in one process
// or several (the app and rootline-cli), may open the same file: appends serialise on SQLite's
// write lock (waiting up to 5 s), so the chain stays one line.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace rootline::store {

// What identifies "the same error" across incidents.
struct ErrorSignature {
    std::string service;
    std::string operation;
    std::string exceptionType;  // empty when none
    std::string status;         // e.g. "error", "http 503", "grpc UNAVAILABLE"

    bool empty() const { return service.empty() && operation.empty(); }
    std::string key() const;  // one canonical string, stored and indexed
};

struct Investigation {
    int64_t id = 0;  // record number, set by append()
    int64_t createdUnixMs = 0;
    std::string traceId;
    std::string source;     // file name or server the trace came from
    std::string tracepack;  // the exact bytes sent
    std::string provider;   // offline, openai, anthropic, ollama
    std::string model;
    std::string endpoint;         // scheme://host:port, never a key
    std::string requestMetadata;  // JSON: temperature, max tokens, attempts, … (no secrets)
    std::string rawResponse;      // what the model answered, as received
    std::string verdictJson;      // the checked verdict, or empty on failure
    std::string error;            // one line when the run failed
    int64_t inputTokens = 0, outputTokens = 0;
    int64_t latencyMs = 0;
    int hallucinations = 0;  // span ids the model named that are not in the pack
    ErrorSignature signature;
};

struct Resolution {
    int64_t id = 0;               // record number
    int64_t investigationId = 0;  // the investigation it resolves
    int64_t createdUnixMs = 0;
    std::string note;
};

// A past incident with the same signature and the note that resolved it.
struct PastFix {
    int64_t investigationId = 0;
    int64_t resolvedUnixMs = 0;
    std::string traceId;
    std::string hypothesis;  // from the verdict
    std::string note;
};

struct ChainCheck {
    bool ok = true;
    int64_t records = 0;
    int64_t firstBroken = 0;  // record number, 0 when ok
    std::string message;      // one line: "record 7: its content does not match its hash"
    std::string headHash;     // the newest record's hash when ok: write it down elsewhere to
                              // notice later if the whole file is replaced
};

// Summary row for lists (History panel, `rootline-cli history`).
struct InvestigationSummary {
    int64_t id = 0;
    int64_t createdUnixMs = 0;
    std::string traceId, provider, model, hypothesis, error, resolution;
    double confidence = 0;
    bool hasVerdict = false;  // false: the run failed (see error) or the record is damaged
};

class InvestigationHistory {
public:
    // Opens (creating when missing, with its folder) the database at `path`; new folders get mode
    // 0700, a new file 0600. On failure returns null and sets `error` to one line naming the
    // file (a file that is not a history is named as such and left untouched).
    static std::unique_ptr<InvestigationHistory> open(const std::string& path, std::string& error);
    // Opens a history that is already there and never creates one (for readers such as
    // `rootline-cli audit verify`); read-only when the file is not writable.
    static std::unique_ptr<InvestigationHistory> openExisting(const std::string& path,
                                                              std::string& error);
    // $ROOTLINE_HISTORY_DB when set; else $XDG_DATA_HOME, else ~/.local/share, then
    // /Rootline/rootline/history.sqlite3. Empty when neither $XDG_DATA_HOME nor $HOME is set.
    static std::string defaultPath();
    ~InvestigationHistory();

    // Appends; returns the record number, or 0 with `error` set and nothing written. The record
    // number becomes the investigation's id; createdUnixMs 0 means now.
    int64_t append(Investigation inv, std::string& error);
    // A note for an existing investigation (not empty); the record number, or 0 with `error`.
    int64_t addResolution(int64_t investigationId, const std::string& note, std::string& error);

    // Newest first (by createdUnixMs), with the verdict's hypothesis and confidence and the
    // latest resolution note.
    std::vector<InvestigationSummary> list(size_t limit = 500) const;
    std::optional<Investigation> get(int64_t id) const;
    std::vector<Resolution> resolutionsOf(int64_t investigationId) const;
    // Past incidents with this signature that have a resolution note, newest first, each with
    // its latest note; none for an empty signature.
    std::vector<PastFix> pastFixes(const ErrorSignature& sig, size_t limit = 3) const;

    ChainCheck verify() const;

    // Values append() and addResolution() must never store (API keys, tokens). Values shorter
    // than 8 bytes are ignored: they would refuse ordinary text.
    void setSecretsToRefuse(std::vector<std::string> secrets);

    const std::string& path() const;

private:
    InvestigationHistory();
    struct Impl;
    std::unique_ptr<Impl> d_;
};

}  // namespace rootline::store
