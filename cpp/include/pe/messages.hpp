// Every message the engine can give, in English: the one table of message texts.
//
// The core's checks, the bindings' (memory, caps), the JS API's type checks (api.post.js reads this
// table through the bindings) and the CLI's. Placeholders name MessageArgs; {name} is the
// parameter. Other languages translate by kind (web/app/i18n/zh.js); a test checks that every kind
// here has a translation there with the same placeholders. make_error() only accepts kinds of this
// table or of a scheme folder's messages.hpp: a kind that is in neither does not compile.
#pragma once

#include <string_view>

namespace pe {

struct MessageTemplate {
  std::string_view kind;
  std::string_view text;  // English, with {placeholders}
};

inline constexpr MessageTemplate kMessageTemplates[] = {
    // ranges and choices
    {"integer_range", "{name} must be an integer from {min} to {max}; got {got}"},
    {"number_range", "{name} must be a number from {min} to {max}; got {got}"},
    {"not_even", "{name} must be even; got {got}"},
    {"multiple_of", "{name} must be a multiple of {step}; got {got}"},
    {"greater_than", "{name} must be a finite number greater than {min}; got {got}"},
    {"at_most", "{name} must be at most {max}; got {got}"},
    {"greater_than_other", "{name} must be greater than {other} ({limit}); got {got}"},
    {"one_of", "{name} must be one of {allowed}; got \"{got}\""},
    {"low_below_high", "the colour range needs finite low < high; got low = {low}, high = {high}"},
    {"not_finite", "{name} must hold finite numbers; got {got} at index {index}"},
    {"list_length", "{name} must list 1 to {max} entries; got {got}"},
    {"length_mismatch", "{name} must hold {expected} numbers; got {got}"},
    {"position_plus_offset", "position + offset must be from 0 to {max}; got {got}"},
    {"position_cap", "start + positions - 1 must be at most {max}; got {got}"},
    {"no_learned_row",
     "position {got} has no row: a learned table with max_len = {rows} has rows 0 to {last}"},
    {"needs_two_positions", "the closest pair needs at least 2 positions; got {got}"},
    {"region_outside",
     "the region rows [{row0}, {row_end}) x columns [{col0}, {col_end}) must be non-empty and lie "
     "inside the {rows} x {cols} matrix"},
    {"bad_utf8", "text is not valid UTF-8 at byte {at}"},
    // size and work caps
    {"elements_cap",
     "positions x d_model must be at most {max} values (64 MiB of float32); got {rows} x {cols} = "
     "{got}"},
    {"product_cap", "{name} x {other} must be at most {max}; got {rows} x {cols} = {got}"},
    {"gram_positions_cap", "the Gram matrix is limited to {max} positions; got {got}"},
    {"gram_work_cap",
     "the Gram matrix is limited to positions^2 x d_model <= {max}; got {rows}^2 x {cols} = {got}"},
    {"work_cap", "{name}: this call would compute {got} values; the cap is {max}"},
    {"pixels_cap", "width x height must be at most {max} pixels; got {width} x {height} = {got}"},
    {"count_cap", "{name} must hold at most {max} entries; got {got}"},
    {"text_cap", "{name} must be at most {max} bytes of UTF-8; got {got}"},
    {"text_export_cap",
     "a CSV or JSON file holds at most {max} values; this table has {got} (fewer positions, or "
     "NPY, "
     "which has no such cap)"},
    {"out_of_memory",
     "could not allocate {mib} MiB in the WebAssembly heap; try fewer positions or a smaller "
     "d_model"},
    // types (the JS API and the CLI)
    {"not_number", "{name} must be a number; got {got}"},
    {"not_string", "{name} must be a string; got {got}"},
    {"not_boolean", "{name} must be true or false; got {got}"},
    {"not_object", "{name} must be an object like {example}; got {got}"},
    {"not_array", "{name} must be {expected}; got {got}"},
    {"not_in_array", "{name}[{index}] must be {expected}; got {got}"},
    {"unknown_key", "unknown {what} \"{got}\"; known: {allowed}"},
    {"required", "{name} is required"},
    {"not_in_build",
     "{name} is not in this build of the engine (the embed's size-built engine has the sinusoidal "
     "scheme and the concept views; pe.mjs and pe.js have every scheme)"},
    {"target_length", "target must hold positions x dModel = {expected} floats; got {got}"},
    {"internal",
     "{name} failed inside the engine ({got}); this is a defect of the engine, please report it. "
     "The engine keeps working"},
};

// Each scheme folder's own kinds are in its messages.hpp (cpp/schemes/<name>/messages.hpp): only
// the engines with that folder carry their text (MessageKind, pe/error.hpp).

}  // namespace pe
