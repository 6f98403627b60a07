#pragma once
// What InvestigationHistory holds, shared by the files that implement it
// (investigation_history.cpp: open, append, lookups; history_verify.cpp: the chain check).

#include <memory>
#include <string>
#include <vector>

#include "store/investigation_history.h"
#include "store/sqlite_db.h"

namespace rootline::store {

struct InvestigationHistory::Impl {
    std::unique_ptr<sql::Db> db;
    std::string path;
    std::vector<std::string> secrets;  // each at least 8 bytes
};

}  // namespace rootline::store
