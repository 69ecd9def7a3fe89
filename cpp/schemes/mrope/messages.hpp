// This folder's message kinds: multimodal RoPE position ids (mrope.cpp).
// English, with {placeholders} as in pe/messages.hpp; the Chinese is in
// web/app/i18n/messages-zh-schemes.js. CMake finds this file (the generated
// pe/folder_messages.inc), so MessageKind knows these kinds in every build; an engine with this
// folder lists them in pe.messageTemplates, an engine without it carries none of their text.
#pragma once

#include "pe/messages.hpp"

namespace pe::mrope_messages {

inline constexpr MessageTemplate kTable[] = {
    {"sum_mismatch", "{name} must sum to {expected} (headDim / 2); got {got}"},
    {"tokens_cap", "{name} lay out {got} tokens; the cap is {max}"},
    {"position_id_cap", "{name} would give position ids up to {got}; the cap is {max} (int32)"},
};

}  // namespace pe::mrope_messages
