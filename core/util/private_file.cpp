#include "util/private_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace rootline {

bool writePrivateFile(const std::string& path, const std::string& text, std::string& error) {
    std::error_code ec;
    const std::filesystem::path file(path);
    if (file.has_parent_path()) {
        std::filesystem::create_directories(file.parent_path(), ec);
        if (ec) {
            error = file.parent_path().string() + ": cannot create (" + ec.message() + ")";
            return false;
        }
    }
    // Created 0600 from the start (umask can only narrow it), written, then renamed over.
    const std::string tmp = path + ".tmp";
    const int fd = ::open(tmp.c_str(), O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        error = tmp + ": cannot write (" + std::strerror(errno) + ")";
        return false;
    }
    bool ok = ::fchmod(fd, 0600) == 0;
    for (size_t done = 0; ok && done < text.size();) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        ok = n > 0;
        if (ok) done += static_cast<size_t>(n);
    }
    ok = ::close(fd) == 0 && ok;
    if (!ok) {
        error = tmp + ": cannot write (" + std::strerror(errno) + ")";
        ::unlink(tmp.c_str());
        return false;
    }
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        error = path + ": cannot replace (" + ec.message() + ")";
        ::unlink(tmp.c_str());
        return false;
    }
    return true;
}

bool isPrivateFile(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && (st.st_mode & 077) == 0;
}

}  // namespace rootline
