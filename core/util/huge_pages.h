#pragma once
// Transparent huge pages for the big arrays of a large import.
//
// Loading 1M spans touches ~400 MB of fresh memory; with 4 KB pages the kernel's page-fault
// path (zeroing, accounting) took ~15% of the import on this machine. Asking for 2 MB pages on
// the large arrays (madvise(MADV_HUGEPAGE), honoured when THP is in "madvise" or "always" mode)
// cuts the number of faults 512-fold. It is only advice: on other systems it does nothing.

#include <cstddef>
#include <vector>

namespace rootline {

// Advises huge pages for the 2 MB-aligned part of [data, data + bytes); no-op below 4 MB.
void adviseHugePages(void* data, size_t bytes);

template <typename T>
void reserveHuge(std::vector<T>& v, size_t n) {
    v.reserve(n);
    adviseHugePages(v.data(), v.capacity() * sizeof(T));
}

}  // namespace rootline
