// This folder's message kinds: RoPE scaling (rope_scaling.cpp).
// English, with {placeholders} as in pe/messages.hpp; the Chinese is in
// web/app/i18n/messages-zh-schemes.js. CMake finds this file (the generated
// pe/folder_messages.inc), so MessageKind knows these kinds in every build; an engine with this
// folder lists them in pe.messageTemplates, an engine without it carries none of their text.
#pragma once

#include "pe/messages.hpp"

namespace pe::rope_messages {

inline constexpr MessageTemplate kTable[] = {
    {"at_least", "{name} must be a finite number of at least {min}; got {got}"},
    {"required_for", "{name} is required with rope_type \"{type}\""},
    {"at_least_for", "{name} must be at least {min} with rope_type \"{type}\"; got {got}"},
};

}  // namespace pe::rope_messages
