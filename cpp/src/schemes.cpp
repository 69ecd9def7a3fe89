#include "pe/schemes.hpp"

#include <limits>
#include <vector>

#include "pe/error.hpp"
#include "pe/spec.hpp"

namespace pe {

// The folder schemes (cpp/schemes/<name>/): CMake writes one PE_SCHEME_FOLDER(<name>) line per
// folder into pe/scheme_folders.inc, in its build tree. The embed's size-built schemes engine is
// compiled without them (PE_NO_SCHEME_FOLDERS: its budget; CMakeLists.txt).
// The engine of a view's figures has the folders among its parts only: CMake writes their lines
// into the file PE_SCHEME_FOLDERS_INC names.
#define PE_SCHEME_FOLDER(name) const SchemeInfo& name##_scheme();
#define PE_MESSAGE_FOLDER(name)
#if defined(PE_SCHEME_FOLDERS_INC)
#include PE_SCHEME_FOLDERS_INC
#elif !defined(PE_NO_SCHEME_FOLDERS)
#include "pe/scheme_folders.inc"
#endif
#undef PE_SCHEME_FOLDER
#undef PE_MESSAGE_FOLDER

namespace {

constexpr SchemeInfo kSchemes[] = {
    {"sinusoidal", "Vaswani et al. 2017: sin/cos added to the input", kSinusoidalParameters},
};

}  // namespace

std::span<const SchemeInfo> schemes() {
  static const std::vector<SchemeInfo> all = [] {
    std::vector<SchemeInfo> out(std::begin(kSchemes), std::end(kSchemes));
#define PE_SCHEME_FOLDER(name) out.push_back(name##_scheme());
#define PE_MESSAGE_FOLDER(name)
#if defined(PE_SCHEME_FOLDERS_INC)
#include PE_SCHEME_FOLDERS_INC
#elif !defined(PE_NO_SCHEME_FOLDERS)
#include "pe/scheme_folders.inc"
#endif
#undef PE_SCHEME_FOLDER
#undef PE_MESSAGE_FOLDER
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

// The message kinds of this build's folders (cpp/schemes/<name>/messages.hpp; CMake writes a
// PE_MESSAGE_FOLDER(<name>) line for each folder of the build that has one).
std::span<const MessageTemplate> scheme_message_templates() {
  static const std::vector<MessageTemplate> all = [] {
    std::vector<MessageTemplate> out;
#define PE_SCHEME_FOLDER(name)
#define PE_MESSAGE_FOLDER(name) \
  out.insert(out.end(), std::begin(name##_messages::kTable), std::end(name##_messages::kTable));
#if defined(PE_SCHEME_FOLDERS_INC)
#include PE_SCHEME_FOLDERS_INC
#elif !defined(PE_NO_SCHEME_FOLDERS)
#include "pe/scheme_folders.inc"
#endif
#undef PE_SCHEME_FOLDER
#undef PE_MESSAGE_FOLDER
    return out;
  }();
  return all;
}

}  // namespace pe
