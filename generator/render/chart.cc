// chart.cc: SVG text for bar charts. Sizes are in user units; the SVG scales
// to the width of the page (viewBox). The drawing is a phone's width (352
// units), so on a phone its 13-unit labels are about 13 px, not half that;
// the stylesheet caps how large it grows on a desktop.
#include "chart.h"

#include <cstdio>

#include "text.h"

namespace congbo {
namespace {

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

}  // namespace

std::string bar_chart_svg(const BarChart& c) {
  const double left = 52, width = 240, row = 34, top = c.threshold ? 28 : 8;
  const double height = top + row * static_cast<double>(c.bars.size()) + 24;
  std::string s;
  s += "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + num(left + width + 60) + " " +
       num(height) + "\" role=\"img\" aria-labelledby=\"" + c.id + "-t " + c.id + "-d\">";
  s += "<title id=\"" + c.id + "-t\">" + html_escape(c.title) + "</title>";
  s += "<desc id=\"" + c.id + "-d\">" + html_escape(c.description) + "</desc>";
  // Grid at 0, 50 and 100%.
  for (int p : {0, 50, 100}) {
    double x = left + width * p / 100.0;
    s += "<line class=\"grid\" x1=\"" + num(x) + "\" y1=\"" + num(top - 4) + "\" x2=\"" + num(x) + "\" y2=\"" +
         num(height - 20) + "\"/>";
    s += "<text class=\"axis\" x=\"" + num(x) + "\" y=\"" + num(height - 6) + "\" text-anchor=\"middle\">" +
         std::to_string(p) + "%</text>";
  }
  for (size_t i = 0; i < c.bars.size(); ++i) {
    const ChartBar& b = c.bars[i];
    const double y = top + row * static_cast<double>(i);
    const double share = b.total > 0 ? static_cast<double>(b.count) / b.total : 0;
    std::string cls = "bar";
    if (b.met) cls += *b.met ? " met" : " missed";
    s += "<text class=\"label\" x=\"" + num(left - 8) + "\" y=\"" + num(y + 19) + "\" text-anchor=\"end\">" +
         html_escape(b.label) + "</text>";
    s += "<rect class=\"" + cls + "\" x=\"" + num(left) + "\" y=\"" + num(y + 4) + "\" width=\"" +
         num(width * share) + "\" height=\"22\"/>";
    s += "<text class=\"value\" x=\"" + num(left + width * share + 6) + "\" y=\"" + num(y + 19) + "\">" +
         html_escape(b.value) + "</text>";
  }
  if (c.threshold) {
    double x = left + width * *c.threshold;
    s += "<line class=\"threshold\" x1=\"" + num(x) + "\" y1=\"" + num(top - 6) + "\" x2=\"" + num(x) + "\" y2=\"" +
         num(height - 20) + "\"/>";
    if (c.upper) {
      const double ux = left + width * *c.upper;
      s += "<line class=\"threshold\" x1=\"" + num(ux) + "\" y1=\"" + num(top - 6) + "\" x2=\"" + num(ux) + "\" y2=\"" +
           num(height - 20) + "\"/>";
      x = (x + ux) / 2;  // the label over the band
    }
    s += "<text class=\"threshold-label\" x=\"" + num(x) + "\" y=\"" + num(top - 10) + "\" text-anchor=\"middle\">" +
         html_escape(c.threshold_label) + "</text>";
  }
  s += "</svg>";
  return s;
}

}  // namespace congbo
