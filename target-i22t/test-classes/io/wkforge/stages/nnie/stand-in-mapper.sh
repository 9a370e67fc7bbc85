#!/bin/sh
# A stand-in for HiSilicon's nnie_mapper, made by wkforge's contract tests: it checks the cfg it
# is given the way the vendor's format documents it (docs/stages/quantize.md, nnie-facts.md) and
# then does what the test asks (the last lines). It writes a file named like a .wk only so the stage's
# handling can be tested; that file is text saying it is not a model.
set -u
echo "Mapper Version 1.2.2.0_B010 (wkforge contract-test stand-in)"
cfg="${1:-}"
if [ -z "$cfg" ] || [ ! -f "$cfg" ]; then echo "ERROR: usage: $0 CFG (cfg file not found: $cfg)"; exit 2; fi
echo "begin net parsing...."

# every line: [key] value, keys known and given once; prints key<TAB>value lines to $parsed
parsed="$(mktemp)"
trap 'rm -f "$parsed"' EXIT
if ! awk -v out="$parsed" '
  BEGIN {
    n = split("prototxt_file caffemodel_file batch_num net_type sparse_rate compile_mode compress_mode is_simulation instruction_name internal_stride is_check_prototxt log_level RGB_order gfpq_param_file recurrent_tmax max_roi_frame_cnt roi_coordinate_file image_list image_type norm_type data_scale mean_file", k, " ")
    for (i = 1; i <= n; i++) known[k[i]] = 1
    bad = 0
  }
  /^[ \t]*$/ { next }
  {
    if (match($0, /^\[[A-Za-z_]+\]( |$)/) == 0) { print "ERROR: line " NR " is not [key] value: " $0; bad = 1; next }
    key = substr($0, 2, index($0, "]") - 2)
    value = substr($0, index($0, "]") + 2)
    if (!(key in known)) { print "ERROR: line " NR ": unknown key [" key "]"; bad = 1; next }
    if (key in seen) { print "ERROR: line " NR ": [" key "] given twice"; bad = 1; next }
    seen[key] = 1
    printf "%s\t%s\n", key, value > out
  }
  END { exit bad }' "$cfg"; then exit 1; fi

get() { awk -F '\t' -v k="$1" '$1 == k { sub(/^[^\t]*\t/, ""); print; found = 1 } END { if (!found) exit 1 }' "$parsed"; }
fail() { echo "ERROR: file: parseCfg line: 1"; echo "$1"; exit 1; }
need() { get "$1" >/dev/null || fail "[$1] is missing"; }
oneof() { v="$(get "$1")" || return 0; for ok in $2; do [ "$v" = "$ok" ] && return 0; done; fail "[$1] $v is not one of: $2"; }
inrange() { v="$(get "$1")" || return 0; awk -v v="$v" -v lo="$2" -v hi="$3" 'BEGIN { if (v !~ /^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$/ || v + 0 < lo || v + 0 > hi) exit 1 }' || fail "[$1] $v is not a number in [$2, $3]"; }
file() { v="$(get "$1")" || return 0; [ -f "$v" ] || fail "[$1] file $v does not exist"; }

for key in prototxt_file caffemodel_file net_type image_list image_type norm_type instruction_name data_scale; do need "$key"; done
file prototxt_file
file caffemodel_file
oneof net_type "0 1 2"
oneof image_type "0 1 3 5"
oneof norm_type "0 1 2 3 4 5"
oneof compile_mode "0 1 2"
oneof compress_mode "0 1"
oneof is_simulation "0 1"
oneof is_check_prototxt "0 1"
oneof internal_stride "16 32"
oneof RGB_order "RGB BGR"
inrange batch_num 0 256
inrange sparse_rate 0 1
inrange log_level 0 3
inrange data_scale 0.000244140625 3.4e38
awk -v v="$(get data_scale)" 'BEGIN { if (v + 0 <= 0.000244140625) exit 1 }' || fail "[data_scale] must be above 1/4096"
name="$(get instruction_name)"
[ -n "$name" ] && [ "${#name}" -lt 120 ] || fail "[instruction_name] must be 1-119 characters"
if [ "$(get image_type)" = 0 ] && [ "$(get norm_type)" != 0 ]; then fail "[norm_type] must be 0 for feature-map input"; fi
case "$(get norm_type)" in
  2|5)
    mean="$(get mean_file)" || fail "[mean_file] is missing"
    [ -f "$mean" ] || fail "[mean_file] file $mean does not exist"
    [ "$(grep -c . "$mean")" -eq 3 ] || fail "[mean_file] $mean must hold one value per channel (3 lines)"
    awk '!/^-?[0-9]+(\.[0-9]+)?$/ { exit 1 }' "$mean" || fail "[mean_file] $mean holds something that is not a number";;
esac
list="$(get image_list)"
[ -f "$list" ] || fail "[image_list] file $list does not exist"
[ "$(grep -c . "$list")" -ge 1 ] || fail "[image_list] $list is empty"
while IFS= read -r img; do
  [ -z "$img" ] && continue
  case "$img" in /*) ;; *) fail "[image_list] $img is not an absolute path";; esac
  [ -f "$img" ] || fail "[image_list] image $img does not exist"
  case "$img" in *.png|*.jpg|*.jpeg|*.bmp|*.tif|*.tiff) ;; *) fail "[image_list] $img is not a picture the mapper reads";; esac
done < "$list"
echo ".end net parsing"
echo "begin net quantalizing(CPU)...."
@ACTION@
