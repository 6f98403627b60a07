#include "draft.h"

#include <algorithm>

namespace rootline::faults {

int Draft::add(int parent, int resource, int scope, Kind kind, std::string name, uint64_t id) {
    Span s;
    s.id = id;
    s.parent = parent;
    s.resource = resource;
    s.scope = scope;
    s.kind = kind;
    s.name = std::move(name);
    spans.push_back(std::move(s));
    return static_cast<int>(spans.size() - 1);
}

void Draft::sequential(int parent, int child, int64_t gapBeforeNs) {
    at(parent).steps.push_back(Step{{child}, gapBeforeNs});
}

void Draft::parallel(int parent, const std::vector<int>& children, int64_t gapBeforeNs) {
    if (!children.empty()) at(parent).steps.push_back(Step{children, gapBeforeNs});
}

void Draft::insertStep(int parent, size_t position, Step step) {
    auto& steps = at(parent).steps;
    position = std::min(position, steps.size());
    steps.insert(steps.begin() + static_cast<std::ptrdiff_t>(position), std::move(step));
}

int Draft::stepOf(int parent, int child) const {
    const auto& steps = at(parent).steps;
    for (size_t i = 0; i < steps.size(); ++i)
        if (std::find(steps[i].spans.begin(), steps[i].spans.end(), child) != steps[i].spans.end())
            return static_cast<int>(i);
    return -1;
}

void Draft::skipSubtree(int span) {
    std::vector<int> stack{span};
    while (!stack.empty()) {
        const int s = stack.back();
        stack.pop_back();
        at(s).skipped = true;
        for (const Step& step : at(s).steps)
            stack.insert(stack.end(), step.spans.begin(), step.spans.end());
        stack.insert(stack.end(), at(s).followers.begin(), at(s).followers.end());
    }
}

std::vector<int> Draft::ancestors(int span) const {
    std::vector<int> out;
    for (int p = at(span).parent; p >= 0; p = at(p).parent)
        out.push_back(p);
    return out;
}

bool Draft::isAncestor(int ancestor, int span) const {
    for (int p = at(span).parent; p >= 0; p = at(p).parent)
        if (p == ancestor) return true;
    return false;
}

void setAttr(std::vector<Attr>& attrs, const std::string& key, AttrValue value) {
    for (Attr& a : attrs)
        if (a.key == key) {
            a.value = std::move(value);
            return;
        }
    attrs.push_back(Attr{key, std::move(value)});
}

const AttrValue* findAttr(const std::vector<Attr>& attrs, const std::string& key) {
    for (const Attr& a : attrs)
        if (a.key == key) return &a.value;
    return nullptr;
}

void removeAttr(std::vector<Attr>& attrs, const std::string& key) {
    attrs.erase(
        std::remove_if(attrs.begin(), attrs.end(), [&](const Attr& a) { return a.key == key; }),
        attrs.end());
}

namespace {

// Recursion is bounded by the call depth the generator builds (about a dozen levels).
void layoutSpan(Draft& d, int index, int64_t startNs) {
    Span& s = d.at(index);
    s.startNs = startNs;
    int64_t t = startNs + s.leadNs;
    for (const Step& step : s.steps) {
        bool ran = false;
        for (int c : step.spans)
            ran = ran || !d.at(c).skipped;
        if (!ran) continue;
        t += step.gapBeforeNs;
        int64_t stepEnd = t;
        for (int c : step.spans) {
            if (d.at(c).skipped) continue;
            layoutSpan(d, c, t + d.at(c).staggerNs);
            stepEnd = std::max(stepEnd, d.at(c).endNs);
        }
        t = stepEnd;
    }
    Span& self = d.at(index);  // the recursion may not reallocate, but keep it obvious
    self.endNs = t + self.tailNs;
    // A client with a deadline gives up: it ends when its timer fires, whatever runs below it.
    if (self.deadlineNs > 0 && self.endNs - self.startNs > self.deadlineNs)
        self.endNs = self.startNs + self.deadlineNs + self.overshootNs;
    const int64_t end = self.endNs;
    for (int f : std::vector<int>(self.followers))
        if (!d.at(f).skipped) layoutSpan(d, f, end + d.at(f).followDelayNs);
}

}  // namespace

void layoutTimes(Draft& draft) {
    if (draft.root >= 0) layoutSpan(draft, draft.root, draft.epochNs);
}

}  // namespace rootline::faults
