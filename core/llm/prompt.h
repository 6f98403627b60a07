#pragma once
// What Rootline says to a model: a strict role (use only the tracepack, cite span ids, say "no
// clear root cause" when the data shows none) and the tracepack delimited as data, so that text
// inside span attributes or log lines is never taken as an instruction.

#include <string>
#include <vector>

namespace rootline::llm {

struct Message {
    std::string role;  // "user" or "assistant" (the system prompt travels separately)
    std::string content;
};

struct Conversation {
    std::string system;
    std::vector<Message> messages;
    std::string tracepack;  // the pack bytes, for analysts that read the pack directly
};

// The system prompt: the analyst's role, rules and the verdict schema.
const std::string& systemPrompt();

// The first turn: the tracepack between delimiters, with the reminder that it is data.
Conversation firstTurn(const std::string& packBytes);

// After an answer that broke the schema: the answer and one more turn carrying the error.
void addRetryTurn(Conversation& c, const std::string& answer, const std::string& error);

}  // namespace rootline::llm
