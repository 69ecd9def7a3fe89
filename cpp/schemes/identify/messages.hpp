// This folder's message kinds: tables read from a file and identified (tensor_file.cpp,
// identify.cpp): errors, then what identifyTable finds. English, with {placeholders} as in
// pe/messages.hpp; the Chinese is in web/app/i18n/messages-zh-schemes.js. CMake finds this file
// (the generated pe/folder_messages.inc), so MessageKind knows these kinds in every build; an
// engine with this folder lists them in pe.messageTemplates, an engine without it carries none of
// their text.
#pragma once

#include "pe/messages.hpp"

namespace pe::identify_messages {

inline constexpr MessageTemplate kTable[] = {
    {"file_kind", "{name}: not a .npy or .safetensors file (starts {got})"},
    {"file_short", "{name}: the file has {size} bytes; {need} are needed"},
    {"file_field", "{name} ({format} header) must be {expected}; got {got}"},
    {"file_overlap", "{name}: tensors {first} and {second} overlap (bytes {begin} to {end})"},
    {"header_cap", "{name}: the header is {got} bytes; the cap is {max}"},
    {"table_dims", "{name}: at most 2 dimensions above 1 (or 2 x positions x d); got {got}"},
    {"tensor_choice", "{name}: the file holds {count} tensors ({names}); name one"},
    {"tensor_missing", "{name}: no tensor \"{got}\"; the file holds {names}"},
    {"bfloat16_flag", "{name}: uint16 data ({got}); pass bfloat16: true if it is bfloat16"},
    {"against_kind", "{name} must be a ropeFromConfig layer type or sinusoidal options; got {got}"},
    {"id_pairing",
     "pairing: the table pairs {got}, the reference {want}. Fix: build cos/sin {fix}"},
    {"id_theta",
     "theta: the table's is {got}, the reference's {want} ({ratio}x). Fix: rope_theta {want}"},
    {"id_scaling_missing",
     "scaling: the reference has {type} x{factor}, the table none. Fix: read rope_scaling"},
    {"id_scaling_extra", "scaling: the table has {type} x{factor}, the reference none"},
    {"id_scaling_differs",
     "scaling: the table has {got} x{factor}, the reference {want} x{wantFactor}"},
    {"id_offset",
     "offset: the table starts at position {got}, the reference at {want}. Fix: start {want}"},
    {"id_layout", "layout: the table is {got}, the reference {want}"},
    {"id_frequencies",
     "exponent: the table's is {got} (base {gotBase}), the reference's {want} (base {wantBase})"},
    {"id_base", "base: the table's is {got}, the reference's {want}"},
    {"id_odd", "odd width: the table's last column is {got}, the reference's {want}"},
    {"id_precision", "precision: every value is {format} (error {error}, which {format} explains)"},
    {"id_inv_freq_rounded",
     "inv_freq was rounded to {format} (up to {error} relative). Fix: inv_freq in float32"},
    {"id_rows_stop", "rows: the table stops at row {row} of {rows} ({zeros} zero rows after)"},
    {"id_zero_rows", "rows: {count} zero rows inside, the first {row} (a padding row)"},
    {"id_few_rows", "{rows} rows tell theta only to {resolution} relative; {need} rows tell 1e-3"},
    {"id_same_table",
     "{other} with base {otherBase} gives the same table (both geometric from 1); base {base} is "
     "the usual reading"},
    {"id_attention_scaling",
     "amplitude: the table reaches {got}, the reference's scaling is {want}"},
    {"id_undetermined",
     "{rows} x {cols}: no frequency is determined (constant columns or too few rows)"},
    {"id_no_match", "no convention fits within {tolerance} (nearest: {best}, error {error})"},
};

}  // namespace pe::identify_messages
