#include "dissector/filter/filter.h"

#include "dissector/filter/compiler.h"
#include "dissector/filter/parser.h"
#include "dissector/filter/printer.h"

namespace snmpdissect::filter {

std::unique_ptr<DisplayFilter> DisplayFilter::Compile(std::string_view text, FilterError* error) {
  std::optional<ast::Expr> expr = Parse(text, error);
  if (!expr.has_value()) return nullptr;
  std::unique_ptr<DisplayFilter> filter(new DisplayFilter());
  if (!CompileProgram(*expr, &filter->program_, error)) return nullptr;
  filter->canonical_ = PrintFilter(*expr);
  return filter;
}

}  // namespace snmpdissect::filter
