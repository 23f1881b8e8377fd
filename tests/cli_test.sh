#!/usr/bin/env bash
# End to end, as a user runs it: the real congbo binary on a copy of the
# sample site. Usage: cli_test.sh PATH/TO/congbo SOURCE_DIR
set -euo pipefail
congbo=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cp -r "$src/site.toml" "$src/content" "$src/static" "$work/"
cd "$work"

# --help, --version and wrong usage
# (captured first: grep -q stops reading at the first match, and the rest of
# a long --help would then die of SIGPIPE under pipefail)
help=$("$congbo" --help)
grep -q "congbo build" <<<"$help" || fail "--help does not describe build"
grep -q "congbo soan" <<<"$help" || fail "--help does not describe the desk"
"$congbo" --version | grep -q "^congbo " || fail "--version"
# a command's own help: that command, not the others
build_help=$("$congbo" build --help)
grep -q "congbo build \[--site" <<<"$build_help" || fail "build --help does not describe build"
! grep -q "congbo soan" <<<"$build_help" || fail "build --help prints every command"
set +e
"$congbo" frobnicate >/dev/null 2>&1; [ $? -eq 2 ] || fail "unknown command must exit 2"
# a mistyped command: what it may have meant, and not the whole help
"$congbo" buidl >typo.log 2>&1; [ $? -eq 2 ] || fail "a mistyped command must exit 2"
grep -qF "Có phải bạn muốn: congbo build?" typo.log || fail "congbo buidl does not suggest build"
[ "$(wc -l <typo.log)" -le 3 ] || fail "congbo buidl prints the whole help"
rm -f typo.log
"$congbo" build --bogus >/dev/null 2>&1; [ $? -eq 2 ] || fail "unknown option must exit 2"
# the signing commands: their own help, and wrong usage
"$congbo" verify --help | grep -q "congbo verify TỆP|THƯ_MỤC" || fail "verify --help does not describe verify"
"$congbo" keygen --help | grep -q "congbo keygen TỆP_KHÓA" || fail "keygen --help does not describe keygen"
"$congbo" verify >/dev/null 2>&1; [ $? -eq 2 ] || fail "verify with nothing to verify must be a usage error"
"$congbo" keygen >/dev/null 2>&1; [ $? -eq 2 ] || fail "keygen without a file must be a usage error"
mkdir kho && git -C kho init -q
"$congbo" keygen kho/khoa-ky >keygen.log 2>&1; [ $? -eq 1 ] || fail "keygen inside a git repository must fail"
grep -qF "kho/khoa-ky: error: tệp khóa ký không được nằm trong kho git" keygen.log || fail "keygen does not say why"
[ ! -e kho/khoa-ky ] || fail "keygen wrote a key into the repository"
rm -rf kho keygen.log
# numbers must be whole and in range (serve under a timeout: were 99999 taken, it would serve for ever)
for bad in "build --jobs abc" "build --jobs -3" "build --jobs 8abc" "build --jobs 0" "publish --to web --keep 0"; do
  "$congbo" $bad >/dev/null 2>&1; [ $? -eq 2 ] || fail "'congbo $bad' must be a usage error"
done
timeout 10 "$congbo" serve --port 99999 >port.log 2>&1; [ $? -eq 2 ] || fail "serve --port 99999 must be a usage error"
grep -qF "thiếu giá trị hợp lệ cho --port (một số từ 1 đến 65535)" port.log || fail "serve --port 99999 does not say what a port is"
rm -f port.log
set -e

# check writes nothing
checked=$("$congbo" check --site .)
grep -q "không có lỗi" <<<"$checked" || fail "check on the sample site"
[ ! -e public ] || fail "check wrote output"
# check warns of what build warns of (raw HTML in Markdown), and counts it
printf '+++\ntitle = "Thử"\n+++\nChữ.\n\n<iframe src="x"></iframe>\n' >content/thu-html.md
"$congbo" check --site . >check.out 2>check.err || fail "check with a warning must succeed"
grep -qF 'content/thu-html.md:6:1: warning: mã HTML' check.err || fail "check does not warn of raw HTML"
grep -qE 'không có lỗi, [0-9]+ cảnh báo' check.out || fail "check's summary does not count its warning"
rm -f content/thu-html.md check.out check.err

# build the sample
"$congbo" build --site . >build.log 2>&1 || { cat build.log; fail "sample build"; }
[ -f public/index.html ] || fail "no public/index.html"
xmllint --noout public/sitemap.xml || fail "sitemap.xml is not well-formed"
xmllint --noout public/feed.xml || fail "feed.xml is not well-formed"
# the action programme's trích yếu is its title, shown once, not again as its first paragraph
! grep -q '<p>Thực hiện Nghị quyết Đại hội XX Đảng bộ tỉnh, Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII về' \
  public/van-ban/ctr-nang-cao-nang-luc-lanh-dao-to-chuc-co-so-dang-2020-2025/index.html || fail "the programme's title is shown twice"
[ -f public/van-ban/index.html ] || fail "no list page for van-ban"
[ -f public/robots.txt ] && [ -f public/404.html ] || fail "robots.txt or 404.html missing"

# one page per seed document, with its title and (where it has one) its number
check_page() {  # url-dir, expected text...
  local f="public/van-ban/$1/index.html"; shift
  [ -f "$f" ] || fail "missing $f"
  for t in "$@"; do grep -qF -- "$t" "$f" || fail "$f lacks: $t"; done
}
check_page 51-kh-duk "51-KH/ĐUK" "Thi đua xây dựng chi bộ trong sạch, vững mạnh" "Phạm Hữu Dự"
check_page 05-kh-duk "05 -KH/ĐUK" "Đổi mới, nâng cao chất lượng, hiệu quả công tác chính trị, tư tưởng" "Bến Tre, ngày 21 tháng 10 năm 2020"
check_page 12-kh-duk "12/KH/ĐUK" "Thực hiện 03 nhiệm vụ trọng tâm nhiệm kỳ 2020 - 2025" 'data-footnote-ref'
check_page kh-thi-dua-chi-bo-bon-tot-2022-2027 "chi bộ bốn tốt" "Đinh Thị Hồng Minh"
check_page ctr-nang-cao-nang-luc-lanh-dao-to-chuc-co-so-dang-2020-2025 "CHƯƠNG TRÌNH HÀNH ĐỘNG" "Không ghi số"

# documents and their relationships (issue: Party documents as first-class content)
p51=public/van-ban/51-kh-duk/index.html
p05=public/van-ban/05-kh-duk/index.html
grep -qF 'Kế hoạch số <a href="/van-ban/05-kh-duk/">05-KH/ĐUK</a>' $p51 || fail "51-KH/ĐUK does not link its reference to 05-KH/ĐUK"
grep -qF '<h3>Được dẫn chiếu bởi</h3>' $p05 || fail "05-KH/ĐUK does not list who cites it"
grep -qF '<a href="/van-ban/51-kh-duk/">Kế hoạch số 51-KH/ĐUK</a>' $p05 || fail "05-KH/ĐUK does not link back to 51-KH/ĐUK"
grep -qF '<h3>Thay thế cho</h3>' $p51 || fail "51-KH/ĐUK does not show what it replaces"
grep -qF '<span class="rel-external">Kế hoạch số 20-KH/ĐUK, ngày 14/01/2021</span>' $p51 || fail "20-KH/ĐUK not shown unlinked"
grep -qF '<span class="rel-external">Kế hoạch số 43-KH/ĐUK, ngày 11/05/2021</span>' $p51 || fail "43-KH/ĐUK not shown unlinked"
cited=public/van-ban/dan-chieu/index.html
[ "$(grep -c 'Chỉ thị số 05-CT/TW</p>' $cited)" = 1 ] || fail "05-CT/TW is not collected as one cited document"
grep -A1 'Chỉ thị số 05-CT/TW</p>' $cited | grep -qF 'Được dẫn chiếu bởi 3 văn bản' || fail "05-CT/TW should be cited by three seeds"
grep -qF '"legislationIdentifier":"05 -KH/ĐUK"' $p05 || fail "JSON-LD number not as written"
for f in loai/ke-hoach co-quan/duk-ben-tre nam/2020 nam/chua-ro linh-vuc/cong-tac-chinh-tri-tu-tuong; do
  [ -f "public/van-ban/$f/index.html" ] || fail "browse page $f missing"
done

# the sample's records: the "bốn tốt" campaign graded from its criteria,
# the 3/4 rule for a đảng bộ, CSV for Excel, unit profiles, sample marked
bt=public/thi-dua/chi-bo-bon-tot
[ -f "$bt/index.html" ] && [ -f "$bt/2025/index.html" ] || fail "no campaign pages"
grep -q '<svg class="chart"' "$bt/index.html" || fail "no target chart"
grep -qF 'Dữ liệu mẫu.' "$bt/index.html" || fail "sample data not marked on the campaign page"
head -c 3 "$bt/ket-qua-2025.csv" | od -An -tx1 | grep -q 'ef bb bf' || fail "CSV without a byte-order mark"
# 2025: Điện lực (a pilot unit, “Làm điểm: Có”) met all four criteria but only 2 of its 4 cells are "bốn tốt"
grep -q '^1,Đảng bộ Công ty Điện lực Bến Tre,Đảng bộ cơ sở,Có,Có,Đạt,Đạt,Đạt,Đạt,49,46,Hoàn thành tốt nhiệm vụ,' "$bt/ket-qua-2025.csv" ||
  fail "the 3/4 rule is not applied to Đảng bộ Công ty Điện lực"
grep -qF 'Cấp ủy quyết định: Ban Thường vụ' "$bt/2024/index.html" || fail "the committee's decision is not shown"
[ -f public/thi-dua/chat-luong-to-chuc-co-so-dang/2024/index.html ] || fail "no 100-point campaign"
[ -f public/khen-thuong/qd-giay-khen-chi-bo-bon-tot-2024/index.html ] || fail "no commendation page"
grep -qF 'Nguyễn Văn A' public/don-vi/cb-ngan-hang-nha-nuoc/index.html || fail "the unit profile lacks its commendation"
grep -qF 'Chi bộ số' public/don-vi/cb-ngan-hang-nha-nuoc/index.html || fail "the unit profile lacks its model"
grep -qF 'Dữ liệu mẫu' public/gioi-thieu/index.html || fail "the about page does not mention the sample data"

# break the front matter of one sample file: exit 1, path:line: in the
# message, and public/ byte for byte unchanged
(cd public && find . -type f -print0 | sort -z | xargs -0 sha256sum) > before.sum
sed -i 's/^kind = "KH"$/kind = "KH/' content/van-ban/51-kh-duk.md
set +e
"$congbo" build --site . >out.log 2>err.log
status=$?
set -e
[ $status -eq 1 ] || fail "broken front matter must exit 1 (got $status)"
grep -q "^content/van-ban/51-kh-duk.md:[0-9]*:[0-9]*: error: " err.log || { cat err.log; fail "no path:line:col in the error"; }
(cd public && find . -type f -print0 | sort -z | xargs -0 sha256sum) > after.sum
cmp -s before.sum after.sum || fail "public/ changed after a failed build"
ls -a | grep -q '\.tmp-' && fail "temporary output left behind"

# the sample's own history, when the sources are a git checkout
if git -C "$src" rev-parse --git-dir >/dev/null 2>&1 && [ ! -f "$(git -C "$src" rev-parse --git-dir)/shallow" ]; then
  "$congbo" build --site "$src" --out "$work/with-history" --quiet 2>/dev/null || fail "building the sample from its repository"
  h="$work/with-history/van-ban/51-kh-duk"
  [ "$(ls -d "$h"/phien-ban/*/ | wc -l)" -ge 2 ] || fail "51-KH/ĐUK should have several versions"
  grep -q '<h2 id="_lich-su">Lịch sử phiên bản</h2>' "$h/index.html" || fail "no timeline on 51-KH/ĐUK"
  grep -rqF '<del>95%</del><ins>96%</ins>' "$h"/phien-ban/*/so-sanh/index.html || fail "the correction is not marked"
  set +e
  "$congbo" build --site "$src" --out "$work/x" --ref khong-co-nhanh-nay >/dev/null 2>err2.log; st=$?
  set -e
  [ $st -eq 1 ] || fail "an unknown --ref must exit 1"
  grep -q 'không tìm thấy phiên bản "khong-co-nhanh-nay"' err2.log || fail "unknown --ref message"
fi

echo "cli_sample_site: all checks passed"
