// sections.h: the sections whose pages have a form of their own — the one
// place their folder names are spelled. Documents and models are folders
// under content/; campaigns, commendations and units are published from
// data files under these names.
#pragma once

namespace congbo {

inline constexpr const char* kDocumentsSection = "van-ban";
inline constexpr const char* kModelsSection = "mo-hinh";
inline constexpr const char* kCampaignsSection = "thi-dua";
inline constexpr const char* kAwardsSection = "khen-thuong";
inline constexpr const char* kUnitsSection = "don-vi";

/// The order readers expect them in the navigation; other sections follow by name.
inline constexpr const char* kSectionOrder[] = {kDocumentsSection, kModelsSection, kCampaignsSection,
                                                kAwardsSection, kUnitsSection};

}  // namespace congbo
