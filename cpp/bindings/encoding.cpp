// Binds generation: the encoding matrix, written into a module-owned buffer that JS copies out.
#include <emscripten/bind.h>

#include "colour.hpp"
#include "common.hpp"
#include "pe/analysis.hpp"
#include "pe/sinusoidal.hpp"

namespace pe::bindings {
namespace {

// The last generated matrix and its spec: renderEncoding redraws (zoom, pan, hover) without
// regenerating.
Scratch<float> g_matrix;
Spec g_matrix_spec;
bool g_matrix_valid = false;

bool same(const Spec& a, const Spec& b) {
  return a.d_model == b.d_model && a.positions == b.positions && a.start == b.start &&
         a.base == b.base && a.layout == b.layout && a.frequencies == b.frequencies &&
         a.odd == b.odd;
}

// Generates into g_matrix unless it already holds this spec (and `reuse` allows that); an Error if
// memory could not be had. The public sinusoidal calls always regenerate, so what they cost is what
// they compute; only redraws (renderEncoding) reuse.
Status ensure_matrix(const Spec& spec, bool reuse) {
  if (reuse && g_matrix_valid && same(spec, g_matrix_spec)) return Ok{};
  g_matrix_valid = false;
  PE_TRY(g_matrix.reserve(spec.element_count()));
  PE_TRY(sinusoidal_into(spec, g_matrix.span()));
  g_matrix_spec = spec;
  g_matrix_valid = true;
  return Ok{};
}

// Checks options without generating anything: true, or an error object.
val validate_options(const val& options) {
  PE_TRY(make_spec(options_from(options)));
  return val(true);
}

// Returns a view on the generated matrix, or an error object.
val sinusoidal_view(const val& options) {
  PE_TRY_LET(spec, make_spec(options_from(options)));
  PE_TRY(ensure_matrix(spec, false));
  return g_matrix.view();
}

// Draws a region of the encoding matrix at canvas resolution (see pe::render_matrix).
val render_encoding(const val& options, const val& view) {
  PE_TRY_LET(spec, make_spec(options_from(options)));
  PE_TRY_LET(request, render_request_from(view));
  PE_TRY(ensure_matrix(spec, true));
  return render_to_pixels(g_matrix.span(), spec.positions, spec.d_model, request);
}

}  // namespace
}  // namespace pe::bindings

EMSCRIPTEN_BINDINGS(encoding) {
  emscripten::function("_validate", &pe::bindings::validate_options);
  emscripten::function("_sinusoidalView", &pe::bindings::sinusoidal_view);
  emscripten::function("_renderEncoding", &pe::bindings::render_encoding);
}
