#include "pe/schemes.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <limits>
#include <vector>

#include "pe/error.hpp"
#include "pe/folder_limits.inc"  // generated: every cpp/schemes/<name>/limits.hpp
#include "pe/spec.hpp"

namespace pe {

// The folder schemes (cpp/schemes/<name>/): CMake writes one PE_SCHEME_FOLDER(<name>) line per
// folder (and PE_MESSAGE_FOLDER, PE_LIMIT_FOLDER for one with messages.hpp, limits.hpp) into
// pe/scheme_folders.inc, in its build tree (the page's engines, the CLI, the tests). The engine of
// a view's figures has the folders among its parts (and those they build on) only: CMake writes
// their lines into the file PE_SCHEME_FOLDERS_INC names. Each site below defines the macro it
// reads; the file gives the others as empty and undefines all three at its end.
#if defined(PE_SCHEME_FOLDERS_INC)
#define PE_FOLDERS_INC PE_SCHEME_FOLDERS_INC
#else
#define PE_FOLDERS_INC "pe/scheme_folders.inc"
#endif
#define PE_SCHEME_FOLDER(name) const SchemeInfo& name##_scheme();
#include PE_FOLDERS_INC

namespace {

constexpr SchemeInfo kSchemes[] = {
    {"sinusoidal", "Vaswani et al. 2017: sin/cos added to the input", kSinusoidalParameters},
};

}  // namespace

std::span<const SchemeInfo> schemes() {
  static const std::vector<SchemeInfo> all = [] {
    std::vector<SchemeInfo> out(std::begin(kSchemes), std::end(kSchemes));
#define PE_SCHEME_FOLDER(name) out.push_back(name##_scheme());
#include PE_FOLDERS_INC
    return out;
  }();
  return all;
}

const SchemeInfo* find_scheme(std::string_view name) {
  for (const auto& scheme : schemes()) {
    if (scheme.name == name) return &scheme;
  }
  return nullptr;
}

namespace {

// The tables, joined at compile time (a vector built at run time was ~1 KB of each engine's wasm).
template <typename T, std::size_t... N>
constexpr auto join_tables(const T (&... tables)[N]) {
  std::array<T, (N + ... + 0)> out{};
  std::size_t at = 0;
  ((std::copy(std::begin(tables), std::end(tables), out.begin() + long(at)), at += N), ...);
  return out;
}
constexpr MessageTemplate kEndOfTables[1] = {{"", ""}};  // after the last table's comma
constexpr auto kBuildMessages = join_tables(
#define PE_MESSAGE_FOLDER(name) name##_messages::kTable,
#include PE_FOLDERS_INC
    kEndOfTables);

}  // namespace

// The message kinds of this build's folders (cpp/schemes/<name>/messages.hpp; CMake writes a
// PE_MESSAGE_FOLDER(<name>) line for each folder of the build that has one).
std::span<const MessageTemplate> scheme_message_templates() {
  return std::span<const MessageTemplate>(kBuildMessages).first(kBuildMessages.size() - 1);
}

namespace {

constexpr SchemeLimit kEndOfLimits[1] = {{"", 0}};  // after the last table's comma
constexpr auto kBuildLimits = join_tables(
#define PE_LIMIT_FOLDER(name) name##_limits::kTable,
#include PE_FOLDERS_INC
    kEndOfLimits);

}  // namespace

// The caps of this build's folders (cpp/schemes/<name>/limits.hpp; CMake writes a
// PE_LIMIT_FOLDER(<name>) line for each folder of the build, or that one of them builds on, with
// one).
std::span<const SchemeLimit> build_limits() {
  return std::span<const SchemeLimit>(kBuildLimits).first(kBuildLimits.size() - 1);
}

}  // namespace pe
