// The schemes and their parameters, described once. Each scheme's table (pe/parameters.hpp) lives
// in its header and is what its checks enforce; this lists the schemes for every other consumer:
// the JS API's type checks and defaults (through the bindings), pe-export's flags, the page's
// controls and URL keys, the element's attributes and the docs.
//
// A scheme in a folder of its own (cpp/schemes/<name>/, README "Adding a scheme") defines
// `const SchemeInfo& pe::<name>_scheme()`; CMake lists the folders in a generated file that
// schemes.cpp includes, so schemes() has them without a hand-written list. Such a scheme also
// gives pe-export its table (`table`) and its caps (`limits`, merged into pe.limits).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "pe/error.hpp"
#include "pe/parameters.hpp"

namespace pe {

// One scheme's parameter values by core name, defaults filled in (as pe-export reads its flags):
// integers and numbers in `numbers`; choices, booleans ("true" / "false"), lists ("16,56,56") and
// texts in `texts`.
struct ParameterValues {
  std::map<std::string, double, std::less<>> numbers;
  std::map<std::string, std::string, std::less<>> texts;
};

// A table as a file holds it, C order: float32 values, or int32 values (`integers`, written as
// '<i4' in .npy) when the scheme's values are integers.
struct Table {
  std::vector<float> floats;
  std::vector<std::int32_t> integers;
  std::vector<std::size_t> shape;
  bool is_integer() const { return !integers.empty(); }
};

// A cap under its public name in pe.limits (e.g. maxT5MatrixEntries): a folder's limits.hpp.
struct SchemeLimit {
  std::string_view name;
  double value;
};

struct SchemeInfo {
  std::string_view name;
  std::string_view summary;
  std::span<const ParameterInfo> parameters;
  // Folder schemes only (the two schemes of schemes.cpp are written by pe-export's own branches):
  std::string_view shape = "";                               // the .npy shape, for --help
  Result<Table> (*table)(const ParameterValues&) = nullptr;  // pe-export's table
};

// A folder scheme's pe-export table builder, for its SchemeInfo: the size-built engines of the
// embed leave it out (CMake defines PE_NO_EXPORT_TABLES for them; no JS function calls it), so a
// builder is declared [[maybe_unused]].
#if defined(PE_NO_EXPORT_TABLES)
#define PE_EXPORT_TABLE(builder) nullptr
#else
#define PE_EXPORT_TABLE(builder) (&builder)
#endif

std::span<const SchemeInfo> schemes();
// The caps of this build's scheme folders (each folder's limits.hpp), merged into pe.limits.
std::span<const SchemeLimit> build_limits();
const SchemeInfo* find_scheme(std::string_view name);

}  // namespace pe
