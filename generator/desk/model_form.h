// model_form.h: an exemplary model (mô hình) as the desk shows it, and the
// file written from it, with the line of each field (as document_form.h).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "document_form.h"
#include "page.h"

namespace congbo {

struct ModelImageForm {
  std::string src, alt, caption;
};

struct ModelForm {
  std::string title, date, unit, year, category, plan;
  std::vector<ModelImageForm> images;
  std::string body;
};

/// A field's label as the user guide names it ("Đơn vị", "Năm", "Chủ đề"…;
/// images: "Ảnh", "Mô tả ảnh", "Chú thích ảnh").
std::string model_field_label(const std::string& name);
ModelForm model_form_from_page(const Page& page);
/// The file; an image's lines are fields "image-N" (N from 0).
WrittenDocument write_model(const ModelForm& form);

/// What an uploaded file's bytes say it is: "jpg", "png", "gif", "webp"; ""
/// for anything else (the name and the browser's type are not believed).
std::string image_type(const std::string& bytes);

}  // namespace congbo
