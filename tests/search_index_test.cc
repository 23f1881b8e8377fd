// The search index's text handling: what a reader types must meet what the
// documents say, with or without diacritics.
#include <doctest/doctest.h>

#include <mutex>
#include <set>

#include "search_index.h"
#include "text.h"

using namespace congbo;

TEST_CASE("search tokens fold diacritics and đ/Đ but keep the exact spelling") {
  auto t = search_tokens("ĐẢNG VIÊN, Đường và dương");
  REQUIRE(t.size() == 5);
  CHECK(t[0].folded == "dang");
  CHECK(t[0].exact == "đảng");
  CHECK(t[1].folded == "vien");
  CHECK(t[2].folded == "duong");
  CHECK(t[2].exact == "đường");
  CHECK(t[4].folded == "duong");
  CHECK(t[4].exact == "dương");
}

TEST_CASE("decomposed input gives the same tokens as precomposed") {
  auto nfd = search_tokens("\xC4\x90" "a\xCC\x89ng vie\xCC\x82n");  // "Đảng viên" typed decomposed
  auto nfc = search_tokens("Đảng viên");
  REQUIRE(nfd.size() == 2);
  CHECK(nfd[0].exact == nfc[0].exact);
  CHECK(nfd[1].exact == nfc[1].exact);
  CHECK(nfd[0].folded == "dang");
}

TEST_CASE("words know whether only spaces separate them, so pairs do not cross punctuation") {
  auto w = split_words("chi bộ, đảng viên\nthi đua");
  REQUIRE(w.size() == 6);
  CHECK(w[1].joined);        // chi bộ
  CHECK_FALSE(w[2].joined);  // ", đảng"
  CHECK(w[3].joined);        // đảng viên
  CHECK_FALSE(w[4].joined);  // line break
  CHECK(w[4].text == "thi");
}

TEST_CASE("the two placements of a tone mark give one exact spelling") {
  CHECK(search_tokens("hoá")[0].exact == search_tokens("hóa")[0].exact);
  CHECK(search_tokens("Thuỷ")[0].exact == "thủy");
  CHECK(search_tokens("khoẻ")[0].exact == "khỏe");
  CHECK(search_tokens("quý")[0].exact == "quý");      // qu is the consonant
  CHECK(search_tokens("hoàng")[0].exact == "hoàng");  // closed syllable: one placement only
}

TEST_CASE("document numbers split into their parts as words") {
  auto t = search_tokens("Số 51-KH/ĐUK");
  REQUIRE(t.size() == 4);
  CHECK(t[1].folded == "51");
  CHECK(t[2].folded == "kh");
  CHECK(t[3].folded == "duk");
}

TEST_CASE("buckets use FNV-1a over UTF-8, the same as the browser client") {
  // Reference values computed independently (FNV-1a 32-bit).
  CHECK(search_bucket("", 1u << 31) == 2166136261u % (1u << 31));
  CHECK(search_bucket("a", 0xFFFFFFFFu) == 0xE40C292Cu % 0xFFFFFFFFu);
  CHECK(search_bucket("dang vien", 64) == search_bucket("dang vien", 64));
  CHECK(search_bucket("dang", 64) < 64);
}

// The files of the index; `have` says which documents' files the output
// already has, by content key.
static std::vector<SearchFile> index_files(const std::vector<SearchDocument>& docs,
                                           const std::set<std::string>& have = {}) {
  std::vector<SearchFile> files;
  std::mutex mu;
  build_search_index(
      docs, search_key(docs),
      [&](SearchFile f) {
        std::lock_guard<std::mutex> lock(mu);
        files.push_back(std::move(f));
      },
      [&](const std::string&, const std::string& content_key) { return have.count(content_key) > 0; });
  return files;
}

TEST_CASE("after one document changes, only its file is made again — the others are the output's already") {
  std::vector<SearchDocument> docs(3);
  for (int i = 0; i < 3; ++i) {
    docs[i].title = "Kế hoạch " + std::to_string(i);
    docs[i].url = "/van-ban/" + std::to_string(i) + "/";
    docs[i].text = "Thi đua xây dựng chi bộ bốn tốt.";
  }
  std::set<std::string> have;
  for (const auto& f : index_files(docs)) {
    if (!f.content_key.empty()) have.insert(f.content_key);
  }
  REQUIRE(have.size() == 3);  // one per document, each its own
  docs[1].text = "Thi đua xây dựng đảng bộ bốn tốt.";
  std::vector<std::string> made;
  for (const auto& f : index_files(docs, have)) {
    if (f.path.find("/d/") != std::string::npos) made.push_back(f.path.substr(f.path.find("/d/")));
  }
  CHECK(made == std::vector<std::string>{"/d/1.json.gz"});
}

TEST_CASE("the index is fingerprinted and has a manifest, shards, facets and documents") {
  std::vector<SearchDocument> docs(2);
  docs[0].title = "Kế hoạch thi đua";
  docs[0].number = "51-KH/ĐUK";
  docs[0].url = "/van-ban/51/";
  docs[0].text = "Đảng viên gương mẫu.";
  docs[1].title = "Giới thiệu";
  docs[1].url = "/gioi-thieu/";
  docs[1].text = "Trang mẫu.";
  auto files = index_files(docs);
  std::string manifest;
  int shards = 0, documents = 0, facets = 0, days = 0, positions = 0;
  for (const auto& f : files) {
    if (f.path == "search/manifest.json") manifest = f.data;
    if (f.path.find("/s/") != std::string::npos) ++shards;
    if (f.path.find("/p/") != std::string::npos) ++positions;
    if (f.path.find("/d/") != std::string::npos) ++documents;
    if (f.path.find("facets.bin.gz") != std::string::npos) ++facets;
    if (f.path.find("days.bin.gz") != std::string::npos) ++days;
  }
  CHECK(manifest.find("\"n\":2") != std::string::npos);
  CHECK(manifest.find("{\"v\":3,") == 0);  // the format tim-kiem.js reads (its FORMAT)
  CHECK(manifest.find("\"dir\":\"search/") != std::string::npos);
  CHECK(shards == 16);
  CHECK(positions == 16);  // where adjacent words stand, for quoted phrases
  CHECK(manifest.find("\"pb\":16") != std::string::npos);
  CHECK(manifest.find("\"kindKeys\":") != std::string::npos);
  CHECK(documents == 2);
  CHECK(facets == 1);
  CHECK(days == 1);  // read only to sort by date
  // a different corpus is a different directory: files can be cached forever
  docs[1].text = "Trang khác.";
  auto again = index_files(docs);
  CHECK(again.back().data != manifest);
}
