// Every message the engine can give, in English: the one table of message texts.
//
// The core's checks, the bindings' (memory, caps), the JS API's type checks (api.post.js reads this
// table through the bindings) and the CLI's. Placeholders name MessageArgs; {name} is the
// parameter. Other languages translate by kind (web/app/i18n/zh.js); a test checks that every kind
// here has a translation there with the same placeholders. make_error() only accepts kinds of this
// table: a kind that is not here does not compile.
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

// The messages only the schemes beyond the sinusoidal one give (RoPE scaling, a model's config): a
// table of their own, so that the embed's sinusoidal engine, which never gives them, does not carry
// their text. MessageKind finds kinds in either table; pe.messageTemplates merges both where the
// engine has the schemes.
inline constexpr MessageTemplate kSchemeMessageTemplates[] = {
    // RoPE scaling
    {"at_least", "{name} must be a finite number of at least {min}; got {got}"},
    {"greater_than_other", "{name} must be greater than {other} ({limit}); got {got}"},
    {"required_for", "{name} is required with rope_type \"{type}\""},
    {"at_least_for", "{name} must be at least {min} with rope_type \"{type}\"; got {got}"},
    // multimodal RoPE (cpp/schemes/mrope, cpp/schemes/axial)
    {"sum_mismatch", "{name} must sum to {expected} (headDim / 2); got {got}"},
    {"tokens_cap", "{name} lay out {got} tokens; the cap is {max}"},
    {"position_id_cap", "{name} would give position ids up to {got}; the cap is {max} (int32)"},
    // a model's config.json (ropeFromConfig): errors, then the warnings it returns
    {"bad_json", "{name} is not valid JSON: {reason}"},
    {"required_or", "{name} is required (or {alternative})"},
    {"no_rope",
     "this config has no RoPE: no rope_theta, rope_scaling or rope_parameters, and model_type "
     "{got} is not a RoPE family"},
    {"warn_text_config", "read text_config: this config keeps its language model's settings there"},
    {"warn_default_theta", "no rope_theta: the library's default {theta} is used"},
    {"warn_theta_inside",
     "rope_theta ({theta}) is only inside rope_parameters: loaders that read only the top-level "
     "rope_theta use 10000 instead"},
    {"warn_theta_twice",
     "rope_theta differs: {inner} inside rope_parameters, {top} at the top level; the library uses "
     "{inner}"},
    {"warn_unknown_key", "rope_scaling key \"{key}\" is not read for RoPE: ignored"},
    {"warn_legacy_type",
     "rope_scaling says \"type\": \"{type}\" (the legacy key): transformers reads it as rope_type, "
     "but loaders that look only for rope_type apply no scaling at all"},
    {"warn_llama3_dropped",
     "rope_type llama3: loaders older than transformers 4.43 drop this scaling without a word, and "
     "output degrades past the original context (reported as gibberish past ~29K tokens)"},
    {"warn_dynamic_cache",
     "rope_type dynamic: the frequencies change with the sequence length, so keys already in a KV "
     "cache were rotated with other frequencies than the new queries"},
    {"warn_yarn_original",
     "YaRN without original_max_position_embeddings: the library assumes max_position_embeddings "
     "is the pre-YaRN length"},
    {"warn_yarn_ratio",
     "YaRN: factor = {factor} but max_position_embeddings / original_max_position_embeddings = "
     "{ratio}; the current library (transformers c49429ed) computes with factor, v4.53.0 computed "
     "with the ratio"},
    {"warn_mscale_all_dim",
     "mscale_all_dim is set: the rotary attention factor is the ratio of the two mscales "
     "({ratio}); "
     "DeepSeek's attention code also multiplies the softmax scale by (0.1 * mscale_all_dim * "
     "ln(factor) + 1)^2 = {extra}, which ports either miss or apply twice"},
    {"warn_su", "rope_scaling type \"su\" is Phi-3's first name for LongRoPE: read as longrope"},
    {"warn_class_default",
     "{key} is not in this config: {class}'s default {value} is used, as the library does"},
    {"warn_ignored_key",
     "{key} is not read by {class} (the model's own remote code may read it): ignored"},
    {"warn_llama3_step",
     "llama3 with low_freq_factor = high_freq_factor = {factor}: no band between the two "
     "wavelengths; the library divides those above {wavelength} by factor and keeps the rest, a "
     "clean step"},
    {"warn_yarn_equal_betas",
     "YaRN with beta_fast = beta_slow = {beta}: the ramp has no width; the library widens it by "
     "0.001, a step between the pairs kept and the pairs divided by factor"},
    {"layer_types_entry", "{name}[{index}] must be one of {allowed}; got {got}"},
    // tables read from a file and identified (cpp/schemes/identify)
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
    // what identifyTable finds (its diagnosis)
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
    {"warn_ntk",
     "rope_type \"ntk\" is this engine's name for the fixed NTK-aware rule; transformers has no "
     "such "
     "rope_type (configs bake it into rope_theta)"},
};

}  // namespace pe
