#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# mw-experimental-mediawiki-image-update: refresh /srv/mediawiki on an mw-experimental host from
# the newest production MediaWiki image, keeping a copy of every engineer's edit first.
# Written by mwexp (operations/puppet, profile::kubernetes::mediawiki_experimental); edit the spec.
#
# Usage: mw-experimental-mediawiki-image-update [-f|--force] [--lock [REASON]] [--unlock] [-h|--help]
#   -f, --force   refresh even when the image is already on the host (the hourly timer passes -f)
#   --lock        keep the code as it is: refreshes leave it alone until --unlock
#   --unlock      let refreshes replace the code again
# Exit codes: 0 done or nothing to do (also when locked), 1 configuration or release file
# missing or unreadable, 2 usage, 3 the image could not be pulled, run or copied, 75 another
# refresh is running (try again later).
#
# Settings come from /etc/default/mw-experimental-mediawiki-image-update (KEY=value lines, written
# by Puppet; never sourced as shell), or the file MWEXP_IMAGE_UPDATE_CONFIG names.

set -euo pipefail
umask 022

readonly NAME=mw-experimental-mediawiki-image-update

log() {
    # One line a step, for the journal: key=value words after the step name.
    printf '%s: %s\n' "$NAME" "$*"
}

die() {
    local code=$1
    shift
    log "error $*" >&2
    exit "$code"
}

usage() {
    sed -n 's/^# \{0,1\}//; 7,12p' "$0"
}

# ---- options first, before anything touches the system ----
force=0
action=refresh
reason=""
while (($#)); do
    case $1 in
        -f | --force) force=1 ;;
        --lock)
            action=lock
            if (($# > 1)) && [[ $2 != -* ]]; then
                reason=$2
                shift
            fi
            ;;
        --unlock) action=unlock ;;
        -h | --help)
            usage
            exit 0
            ;;
        *)
            usage >&2
            die 2 "step=options unknown=$1"
            ;;
    esac
    shift
done

# ---- settings: KEY=value lines, read as data ----
config=${MWEXP_IMAGE_UPDATE_CONFIG:-/etc/default/$NAME}
[[ -r $config ]] || die 1 "step=config file=$config reason=unreadable"
declare -A setting=()
while IFS= read -r line || [[ -n $line ]]; do
    [[ -z $line || $line == \#* ]] && continue
    key=${line%%=*}
    [[ $key =~ ^[A-Z_]+$ && $line == *=* ]] || die 1 "step=config file=$config line=$line reason=not KEY=value"
    setting[$key]=${line#*=}
done <"$config"
for key in MOUNT_PATH RELEASE_FILE LOCK_FILE EDITS_DIR STATE_DIR KEEP_DAYS KEEP_COUNT OWNER GROUP; do
    [[ -n ${setting[$key]:-} ]] || die 1 "step=config file=$config missing=$key"
done
mount_path=${setting[MOUNT_PATH]}
release_file=${setting[RELEASE_FILE]}
lock_file=${setting[LOCK_FILE]}
edits_dir=${setting[EDITS_DIR]}
state_dir=${setting[STATE_DIR]}
keep_days=${setting[KEEP_DAYS]}
keep_count=${setting[KEEP_COUNT]}
fix_perms=${setting[FIX_PERMS]:-/usr/local/sbin/fix-staging-perms}
container_name=${setting[CONTAINER_NAME]:-$NAME}
[[ $keep_days =~ ^[0-9]+$ && $keep_count =~ ^[0-9]+$ ]] || die 1 "step=config reason=KEEP_DAYS and KEEP_COUNT are numbers"

case $action in
    lock)
        mkdir -p -- "$(dirname -- "$lock_file")"
        printf 'locked by %s at %s%s\n' "${SUDO_USER:-${USER:-root}}" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
            "${reason:+: $reason}" >"$lock_file"
        log "step=lock file=$lock_file refreshes leave $mount_path alone until --unlock"
        exit 0
        ;;
    unlock)
        rm -f -- "$lock_file"
        log "step=unlock file=$lock_file"
        exit 0
        ;;
esac

if [[ -e $lock_file ]]; then
    log "step=locked file=$lock_file $(head -c 200 "$lock_file" | tr -d '\n') nothing refreshed"
    exit 0
fi

# ---- one refresh at a time: a second waits up to ten minutes, then gives up ----
mkdir -p -- "$state_dir"
exec 9>"$state_dir/run.lock"
if ! flock -w 600 9; then
    die 75 "step=flock file=$state_dir/run.lock reason=another refresh is running"
fi

# ---- the release file, read as YAML ----
[[ -r $release_file ]] || die 1 "step=release file=$release_file reason=missing or unreadable"
mapfile -t release < <(ruby -ryaml -e '
  data = YAML.safe_load(File.read(ARGV[0]))
  abort "not a mapping" unless data.is_a?(Hash)
  puts data["registry"].to_s, data["image"].to_s' "$release_file") || die 1 "step=release file=$release_file reason=not YAML"
registry=${release[0]:-}
image_name=${release[1]:-}
[[ -n $registry && -n $image_name ]] || die 1 "step=release file=$release_file reason=no registry or image"
image="$registry/$image_name"
log "step=release image=$image"

if ((!force)) && nerdctl --namespace k8s.io inspect "$image" >/dev/null 2>&1; then
    log "step=inspect image=$image present, nothing to do (-f refreshes anyway)"
    exit 0
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/$NAME.XXXXXX")
cleanup() {
    nerdctl --namespace k8s.io rm -f "$container_name" >/dev/null 2>&1 || true
    rm -rf -- "$tmp"
}
trap cleanup EXIT
# A container a killed run left behind goes first.
nerdctl --namespace k8s.io rm -f "$container_name" >/dev/null 2>&1 || true

crictl pull "$image" >/dev/null || die 3 "step=pull image=$image"
log "step=pull image=$image"
nerdctl --namespace k8s.io run --net=none -d --name "$container_name" "$image" sleep infinity >/dev/null \
    || die 3 "step=run image=$image"
nerdctl --namespace k8s.io cp "$container_name:/srv/mediawiki/." "$tmp/" || die 3 "step=copy image=$image"
log "step=copy image=$image into=$tmp"

# ---- keep every edit made since the last refresh, before rsync --delete replaces the tree ----
# --checksum: image layers may carry one fixed timestamp for every file (reproducible builds), so
# a changed file of the same size would pass rsync's size-and-time check.
sync_tree() {
    rsync -a --checksum --delete "$@" -- "$tmp/" "$mount_path/"
}
manifest=$state_dir/last-image.sha256
stamp=$(date -u +%Y%m%dT%H%M%SZ)
saved=$edits_dir/$stamp
count=0
save() {
    # save DIR RELATIVE-PATH FROM-ROOT
    mkdir -p -- "$saved/$1/$(dirname -- "$2")"
    cp -a -- "$3/$2" "$saved/$1/$2"
    count=$((count + 1))
}
if [[ -d $mount_path && -f $manifest ]]; then
    declare -A known=()
    while IFS= read -r entry; do
        known[${entry:66}]=${entry:0:64}
    done <"$manifest"
    while IFS= read -r -d '' path; do
        rel=${path#"$mount_path"/}
        sum=$(sha256sum -- "$path")
        sum=${sum:0:64}
        if [[ -z ${known[$rel]:-} ]]; then
            save added "$rel" "$mount_path"
        elif [[ ${known[$rel]} != "$sum" ]]; then
            save changed "$rel" "$mount_path"
        fi
        unset "known[$rel]"
    done < <(find "$mount_path" -type f -print0)
    for rel in "${!known[@]}"; do
        # Deleted by hand: the file as the image has it now, so nothing is lost either way.
        if [[ -f $tmp/$rel ]]; then
            save deleted "$rel" "$tmp"
        else
            mkdir -p -- "$saved"
            printf '%s\n' "$rel" >>"$saved/deleted-gone.txt"
            count=$((count + 1))
        fi
    done
    sync_tree
elif [[ -d $mount_path ]]; then
    # No record of the last image (the first refresh): keep whatever rsync replaces or deletes.
    mkdir -p -- "$saved"
    sync_tree --backup --backup-dir="$saved/replaced"
    if [[ -d $saved/replaced ]]; then
        count=$(find "$saved/replaced" -type f | wc -l)
    fi
else
    mkdir -p -- "$mount_path"
    sync_tree
fi
log "step=rsync from=$tmp to=$mount_path"

# The record of this image, for the next refresh to tell edits from the image's own files.
(cd -- "$tmp" && find . -type f -print0 | sort -z | xargs -0 -r sha256sum | sed 's|  \./|  |') >"$manifest.new"
mv -f -- "$manifest.new" "$manifest"

if [[ -x $fix_perms ]]; then
    "$fix_perms" >/dev/null || die 3 "step=fix-perms command=$fix_perms"
    log "step=fix-perms command=$fix_perms"
fi

if ((count > 0)); then
    log "step=edits saved=$count dir=$saved restore: rsync -a $saved/changed/ $saved/added/ $mount_path/"
elif [[ -d $saved ]]; then
    rmdir -- "$saved" 2>/dev/null || true
fi

# ---- prune saved edits by age, then by count ----
if [[ -d $edits_dir ]]; then
    find "$edits_dir" -mindepth 1 -maxdepth 1 -type d -mtime "+$keep_days" -exec rm -rf -- {} +
    mapfile -t kept < <(find "$edits_dir" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort -r)
    for old in "${kept[@]:$keep_count}"; do
        rm -rf -- "${edits_dir:?}/$old"
    done
fi
log "step=done image=$image"
