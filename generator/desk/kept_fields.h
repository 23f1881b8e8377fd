// kept_fields.h: what a form does not show is never lost. A file opened at
// the desk may hold front matter the form has no field for (slug, draft,
// description, period, status, effective, expires, a theme's own keys…);
// saving keeps those lines exactly as the file had them, comments included.
#pragma once

#include <string_view>

#include "document_form.h"

namespace congbo {

/// `written` (made from a form whose keys are `written.owns`) with every
/// top-level front matter key of `before` (the file as it is on disk) that
/// the form does not own, its lines copied at the end of the front matter.
/// A `before` that cannot be read as front matter adds nothing.
WrittenDocument with_kept_fields(WrittenDocument written, std::string_view before);

}  // namespace congbo
