// Binds the file writers: the page's downloads are the bytes pe-export writes (one writer for each
// format, in the core). In the page's engines and the embed's sinusoidal engine; not in an engine
// of parts (a scheme view's figures have no downloads).
#include "pe/export.hpp"

#include <emscripten/bind.h>

#include "common.hpp"
#include "pe/sinusoidal.hpp"

namespace pe::bindings {
namespace {

val export_sinusoidal(const val& options, const std::string& format_name) {
  PE_TRY_LET(spec, make_spec(options_from(options)));
  PE_TRY_LET(format, parse_format(format_name));
  const std::size_t n = spec.element_count();
  PE_TRY(check_export_size(format, double(n), "positions"));
  Scratch<float> values;
  PE_TRY(values.reserve(n));
  PE_TRY(sinusoidal_into(spec, values.span()));
  Scratch<char> bytes;
  const std::size_t rows = spec.positions;
  const std::size_t bound = export_size_bound(format, n, rows);
  PE_TRY(bytes.reserve(bound));
  ByteSink sink(bytes.span());
  const std::size_t shape[] = {rows, std::size_t(spec.d_model)};
  switch (format) {
    case Format::npy: write_npy(sink, values.span(), shape); break;
    case Format::csv: write_csv(sink, values.span(), rows, shape[1]); break;
    case Format::json: write_json(sink, spec, values.span()); break;
  }
  if (sink.overflowed()) return error_value(out_of_memory(bound));  // the bound is exact: cannot
  const auto written = sink.bytes();
  return copy_out(std::span<const std::uint8_t>(
      reinterpret_cast<const std::uint8_t*>(written.data()), written.size()));
}

}  // namespace
}  // namespace pe::bindings

EMSCRIPTEN_BINDINGS(export) {
  emscripten::function("_exportSinusoidal", &pe::bindings::export_sinusoidal);
}
