// desk_assets.h: the desk's script and style sheet (plain JavaScript and
// CSS, no build step), served at /_soan/.
#pragma once

#include <string>

namespace congbo {

const std::string& desk_script();
const std::string& desk_style();
/// The campaign results grid's script (results_script.cc).
const std::string& results_script();

}  // namespace congbo
