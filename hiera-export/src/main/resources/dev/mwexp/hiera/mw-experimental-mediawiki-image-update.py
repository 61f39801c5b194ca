#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
# mw-experimental-mediawiki-image-update: bring the newest production MediaWiki image into
# /srv/mediawiki on an mw-experimental host, keeping what engineers edited there.
# Written by mwexp (operations/puppet, profile::kubernetes::mediawiki_experimental); edit the spec.
#
# Usage: mw-experimental-mediawiki-image-update [-f|--force] [--reset]
#            [--lock [REASON]] [--unlock] [-h|--help]
#   -f, --force   accepted as before: a refresh merges any image the tree did not come from
#   --reset       make the tree exactly the image's, after saving every edit
#   --lock        keep the code as it is: refreshes leave it alone until --unlock
#   --unlock      let refreshes run again (any member of the deployment group may)
# Exit codes: 0 done or nothing to do (also when locked), 1 configuration or release file
# missing or unreadable, 2 usage, 3 the image could not be pulled, run or copied, 4 no space
# left (the next run completes what was begun), 5 another I/O error, 75 another refresh is
# running (try again later). Every failure prints one "error step=..." line.
#
# A refresh is a three-way merge, file by file, of the image the tree last came from (its
# manifest in STATE_DIR), the tree as engineers left it, and the new image:
#   - a file only the image changed is updated; one only the engineer changed stays as edited;
#   - where both changed, the engineer's version stays, the image's is saved in
#     EDITS_DIR/<UTC time>/from-image/, and the journal and the motd name the file.
# Each file is replaced by rename, so it is always either old or new. The plan is written to a
# journal before the first file changes; a run killed after that is completed by the next one.
#
# Settings come from /etc/default/mw-experimental-mediawiki-image-update (KEY=value lines, written
# by Puppet; never run as code), or the file MWEXP_IMAGE_UPDATE_CONFIG names.

import errno
import fcntl
import grp
import hashlib
import json
import os
import pwd
import re
import shutil
import stat
import subprocess
import sys
import threading
import time

NAME = 'mw-experimental-mediawiki-image-update'
OK, CONFIG, USAGE, IMAGE, NO_SPACE, IO, BUSY = 0, 1, 2, 3, 4, 5, 75
TEMP = '.mwexp-refresh-'  # prefix of the temporary files beside the files being replaced
PARTIAL = '.partial'  # suffix of a saved-edits directory still being written
WAIT = int(os.environ.get('MWEXP_IMAGE_UPDATE_WAIT', '600'))


class Failure(Exception):
    def __init__(self, code, words):
        super().__init__(words)
        self.code = code
        self.words = words


def log(words):
    print(f'{NAME}: {words}', flush=True)


def usage():
    with open(__file__, encoding='utf-8') as f:
        lines = f.read().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith('# Usage:'))
    end = next(i for i, line in enumerate(lines) if line.startswith('# Exit codes:'))
    return '\n'.join(re.sub(r'^# ?', '', line) for line in lines[start:end])


def options(argv):
    opts = {'reset': False, 'action': 'refresh', 'reason': ''}
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in ('-f', '--force'):
            pass  # what the timer and engineers passed before merging; nothing to force now
        elif arg == '--reset':
            opts['reset'] = True
        elif arg == '--lock':
            opts['action'] = 'lock'
            if i + 1 < len(argv) and not argv[i + 1].startswith('-'):
                opts['reason'] = argv[i + 1]
                i += 1
        elif arg == '--unlock':
            opts['action'] = 'unlock'
        elif arg in ('-h', '--help'):
            print(usage())
            sys.exit(OK)
        else:
            print(usage(), file=sys.stderr)
            raise Failure(USAGE, f'step=options unknown={arg}')
        i += 1
    return opts


REQUIRED = ('MOUNT_PATH', 'RELEASE_FILE', 'LOCK_FILE', 'EDITS_DIR', 'STATE_DIR', 'KEEP_DAYS',
            'KEEP_COUNT', 'OWNER', 'GROUP')


def settings():
    path = os.environ.get('MWEXP_IMAGE_UPDATE_CONFIG', f'/etc/default/{NAME}')
    try:
        with open(path, encoding='utf-8') as f:
            text = f.read()
    except OSError:
        raise Failure(CONFIG, f'step=config file={path} reason=unreadable')
    conf = {}
    for line in text.splitlines():
        if not line or line.startswith('#'):
            continue
        key, sep, value = line.partition('=')
        if not sep or not re.fullmatch(r'[A-Z_]+', key):
            raise Failure(CONFIG, f'step=config file={path} line={line} reason=not KEY=value')
        conf[key] = value
    for key in REQUIRED:
        if not conf.get(key):
            raise Failure(CONFIG, f'step=config file={path} missing={key}')
    if not conf['KEEP_DAYS'].isdigit() or not conf['KEEP_COUNT'].isdigit():
        raise Failure(CONFIG, 'step=config reason=KEEP_DAYS and KEEP_COUNT are numbers')
    try:
        conf['uid'] = pwd.getpwnam(conf['OWNER']).pw_uid
        conf['gid'] = grp.getgrnam(conf['GROUP']).gr_gid
    except KeyError:
        raise Failure(CONFIG, f'step=config reason=no such user {conf["OWNER"]}'
                              f' or group {conf["GROUP"]}')
    conf.setdefault('FIX_PERMS', '/usr/local/sbin/fix-staging-perms')
    conf.setdefault('CONTAINER_NAME', NAME)
    return conf


# ---- scap's release file: PyYAML's block style, nested keys ----

def scalar(text):
    """A PyYAML scalar as it dumps one: plain, 'single' ('' for ') or "double" quoted."""
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] == "'":
        return text[1:-1].replace("''", "'")
    if len(text) >= 2 and text[0] == text[-1] == '"':
        return json.loads(text)
    return re.sub(r'\s+#.*$', '', text)


def release(path):
    """docker.registry and main_app.image as scap writes them; flat keys as older files had them."""
    try:
        with open(path, encoding='utf-8') as f:
            lines = f.read().splitlines()
    except (OSError, UnicodeDecodeError):
        raise Failure(CONFIG, f'step=release file={path} reason=missing or unreadable')
    values, stack = {}, []  # stack: (indent, key) of the mappings the line is in
    for line in lines:
        if not line.strip() or line.lstrip().startswith(('#', '- ', '---')) or line.strip() == '-':
            continue
        m = re.match(r'^( *)([^\s:#\'"][^:#]*|\'[^\']*\'|"[^"]*"):(?:\s+(.*))?$', line)
        if not m:
            continue
        indent, key, value = len(m.group(1)), scalar(m.group(2)), m.group(3)
        while stack and stack[-1][0] >= indent:
            stack.pop()
        path_ = '.'.join([k for _, k in stack] + [key])
        if value is None or value.strip() == '' or value.strip().startswith('#'):
            stack.append((indent, key))
        else:
            values[path_] = scalar(value)
    registry = values.get('docker.registry') or values.get('registry')
    image = values.get('main_app.image') or values.get('image')
    if not registry or not image:
        raise Failure(CONFIG, f'step=release file={path}'
                              ' reason=no docker.registry or main_app.image')
    return f'{registry}/{image}'


# ---- the image, through the container engine ----

def run(args, step, image):
    try:
        result = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    except OSError as e:
        raise Failure(IMAGE, f'step={step} image={image} reason={e.strerror}')
    if result.returncode != 0:
        reason = (result.stderr.strip().splitlines() or ['exit ' + str(result.returncode)])[-1]
        full = 'no space left' in result.stderr.lower()
        raise Failure(NO_SPACE if full else IMAGE, f'step={step} image={image} reason={reason}')
    return result.stdout


def nerdctl(*args):
    return ['nerdctl', '--namespace', 'k8s.io', *args]


def remove_container(name):
    subprocess.run(nerdctl('rm', '-f', name), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def copy_image(image, container, into):
    remove_container(container)  # one a killed run left behind
    run(['crictl', 'pull', image], 'pull', image)
    log(f'step=pull image={image}')
    try:
        run(nerdctl('run', '--net=none', '-d', '--name', container, image, 'sleep', 'infinity'),
            'run', image)
        run(nerdctl('cp', f'{container}:/srv/mediawiki/.', into + '/'), 'copy', image)
    finally:
        remove_container(container)
    log(f'step=copy image={image} into={into}')


# ---- trees: what each path holds, by content ----

def digest(path):
    with open(path, 'rb') as f:
        if hasattr(hashlib, 'file_digest'):  # Python 3.11 (bookworm) reads in C
            return hashlib.file_digest(f, 'sha256').hexdigest()
        h = hashlib.sha256()
        for block in iter(lambda: f.read(1 << 20), b''):
            h.update(block)
        return h.hexdigest()


def entry(path, st):
    """What a path holds, a file's content and x bit, or a link's target."""
    if stat.S_ISLNK(st.st_mode):
        return 'link:' + os.readlink(path)
    return ('x:' if st.st_mode & 0o111 else 'f:') + digest(path)


def walk(root, dirs=None):
    """
    Every file and link under root, relative, with its lstat (and every directory's into dirs);
    leftover temporary files go.
    """
    found = {}
    pending = ['']
    while pending:
        rel = pending.pop()
        try:
            with os.scandir(os.path.join(root, rel)) as it:
                for e in it:
                    path = f'{rel}/{e.name}' if rel else e.name
                    if e.name.startswith(TEMP):
                        os.unlink(e.path)  # a killed run's; never an engineer's file
                        continue
                    st = e.stat(follow_symlinks=False)
                    if stat.S_ISDIR(st.st_mode):
                        pending.append(path)
                        if dirs is not None:
                            dirs[path] = st
                    elif stat.S_ISREG(st.st_mode) or stat.S_ISLNK(st.st_mode):
                        found[path] = st
        except FileNotFoundError:
            pass
    return found


def stamp(st):
    return [st.st_size, st.st_mtime_ns, st.st_ino, st.st_mode]


class Manifest:
    """The image the tree last came from: each path's entry, and the stat it had once in place."""

    def __init__(self, path):
        self.path = path
        try:
            with open(path, encoding='utf-8') as f:
                data = json.load(f)
            self.image, self.entries, self.stats = data['image'], data['entries'], data['stats']
            self.known = True
        except FileNotFoundError:
            self.image, self.entries, self.stats, self.known = None, {}, {}, False

    def save(self):
        data = {'image': self.image, 'entries': self.entries, 'stats': self.stats}
        write_atomically(self.path, json.dumps(data, sort_keys=True, separators=(',', ':')))


def write_atomically(path, text):
    tmp = f'{path}.new'
    with open(tmp, 'w', encoding='utf-8') as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    fsync_dir(os.path.dirname(path))


def fsync_dir(path):
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def entries(root, files):
    """
    Each path's entry. Regular files are hashed by coreutils' sha256sum, thousands of files a
    process and one process a core (C speed, no process per file; Python threads only contend).
    """
    regular = [p for p, st in files.items() if stat.S_ISREG(st.st_mode)]
    sums = digests(root, regular)
    out = {}
    for path, st in files.items():
        if stat.S_ISREG(st.st_mode) and path in sums:
            out[path] = ('x:' if st.st_mode & 0o111 else 'f:') + sums[path]
        else:
            out[path] = entry(os.path.join(root, path), st)
    return out


def digests(root, paths):
    if not paths or not shutil.which('sha256sum') or not shutil.which('xargs'):
        return {}
    workers = min(4, os.cpu_count() or 1)
    results = [None] * workers

    def run_part(i):
        part = paths[i::workers]
        proc = subprocess.run(['xargs', '-0', '-r', '-n', '2000', 'sha256sum', '--zero', '--'],
                              cwd=root, input=b'\0'.join(os.fsencode(p) for p in part),
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        results[i] = proc.stdout if proc.returncode == 0 else b''

    threads = [threading.Thread(target=run_part, args=(i,)) for i in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    sums = {}
    for out in results:
        for record in out.split(b'\0'):
            if len(record) > 66:
                sums[os.fsdecode(record[66:])] = record[:64].decode()
    return sums


def current(mount, manifest):
    """
    The tree as it is, one walk: each path's entry, read only when its stat is not the one the
    last refresh recorded when it left the path holding the image's; and the stats seen.
    """
    dirs = {}
    files = walk(mount, dirs)
    now, changed = {}, {}
    for path, st in files.items():
        known = manifest.stats.get(path)
        if known is not None and known == stamp(st) and path in manifest.entries:
            now[path] = manifest.entries[path]
        else:
            changed[path] = st
    now.update(entries(mount, changed))
    return now, (files, dirs)


# ---- the merge ----

def plan(base, now, new, reset):
    """
    Per path: 'take' the image's or 'delete'; the paths left holding other than the image's (edits
    kept, conflicts among them, where both sides changed); and every path the engineer changed.
    """
    actions, kept, conflicts, edits = {}, [], [], []
    for path in sorted(set(base) | set(now) | set(new)):
        b, d, n = base.get(path), now.get(path), new.get(path)
        if d != b:
            edits.append(path)
        if d == n:
            continue
        if reset or d == b:
            actions[path] = 'take' if n is not None else 'delete'
            continue
        kept.append(path)
        if n != b:
            conflicts.append(path)  # both changed: the engineer's stays
    return actions, kept, conflicts, edits


def save(src_root, path, dest_root):
    src, dest = os.path.join(src_root, path), os.path.join(dest_root, path)
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    if os.path.islink(src):
        os.symlink(os.readlink(src), dest)
    else:
        shutil.copy2(src, dest)


def place(staging, mount, path, conf):
    """The image's file at path, by rename: readers see the old file or the new, never a part."""
    src, dest = os.path.join(staging, path), os.path.join(mount, path)
    parent = os.path.dirname(dest)
    make_dirs(mount, os.path.dirname(path), conf)
    tmp = os.path.join(parent, TEMP + os.path.basename(path))
    if os.path.lexists(tmp):
        os.unlink(tmp)
    if os.path.islink(src):
        os.symlink(os.readlink(src), tmp)
    else:
        shutil.copyfile(src, tmp)
        mode = stat.S_IMODE(os.stat(src).st_mode) | 0o664
        os.chmod(tmp, mode & ~0o002)
    os.lchown(tmp, conf['uid'], conf['gid'])
    if os.path.isdir(dest) and not os.path.islink(dest):
        shutil.rmtree(dest)
    os.replace(tmp, dest)


def make_dirs(mount, rel, conf):
    if not rel:
        return
    path = os.path.join(mount, rel)
    if os.path.isdir(path) and not os.path.islink(path):
        return
    make_dirs(mount, os.path.dirname(rel), conf)
    if os.path.lexists(path):
        os.unlink(path)  # a file where the image has a directory
    os.mkdir(path)
    os.chown(path, conf['uid'], conf['gid'])
    os.chmod(path, 0o2775)


def remove(mount, path, staging):
    dest = os.path.join(mount, path)
    if os.path.lexists(dest):
        os.unlink(dest)
    # Directories left empty that the image no longer has go too.
    parent = os.path.dirname(path)
    while parent and not os.path.isdir(os.path.join(staging, parent)):
        try:
            os.rmdir(os.path.join(mount, parent))
        except OSError:
            break
        parent = os.path.dirname(parent)


def apply(journal, mount, staging, conf):
    """Carries out a written plan; run again on it, it finishes what a killed run began."""
    for path, action in sorted(journal['actions'].items()):
        if action == 'take':
            place(staging, mount, path, conf)
        else:
            remove(mount, path, staging)
    fsync_dir(mount)


def deployers_can_edit(mount, conf, seen):
    """
    Directories setgid and group-writable, files group-writable, all the deployment group's,
    from the stats already seen (files and directories); a file fixed gets its stat again.
    """
    gid = conf['gid']
    files, dirs = seen

    def fix(path, st):
        if stat.S_ISLNK(st.st_mode):
            want = stat.S_IMODE(st.st_mode)
        else:
            want = stat.S_IMODE(st.st_mode) | (0o2070 if stat.S_ISDIR(st.st_mode) else 0o060)
        if st.st_gid == gid and want == stat.S_IMODE(st.st_mode):
            return False
        try:
            os.lchown(path, -1, gid)
            if not stat.S_ISLNK(st.st_mode):
                os.chmod(path, want)  # after chown, which clears setgid
        except FileNotFoundError:
            return False  # removed since it was seen
        return True

    fix(mount, os.lstat(mount))
    for path, st in dirs.items():
        fix(os.path.join(mount, path), st)
    for path, st in list(files.items()):
        if fix(os.path.join(mount, path), st):
            files[path] = os.lstat(os.path.join(mount, path))


# ---- steps ----

def flock(conf):
    state = conf['STATE_DIR']
    os.makedirs(state, exist_ok=True)
    fd = os.open(os.path.join(state, 'run.lock'), os.O_RDWR | os.O_CREAT, 0o664)
    if os.geteuid() == 0:
        # The deployers' too, not sticky: any of them may --lock and --unlock without root.
        os.chown(state, -1, conf['gid'])
        os.chmod(state, 0o2775)
        os.fchown(fd, -1, conf['gid'])
        os.fchmod(fd, 0o664)
    deadline = time.monotonic() + WAIT
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return fd
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise Failure(BUSY, f'step=flock file={state}/run.lock'
                                    ' reason=another refresh is running')
            time.sleep(0.2)


def lock(conf, reason):
    flock(conf)  # waits for a running refresh: once --lock returns, nothing touches the code
    who = os.environ.get('SUDO_USER') or os.environ.get('USER') or 'root'
    when = time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())
    note = f': {reason}' if reason else ''
    write_atomically(conf['LOCK_FILE'], f'locked by {who} at {when}{note}\n')
    log(f'step=lock file={conf["LOCK_FILE"]}'
        f' refreshes leave {conf["MOUNT_PATH"]} alone until --unlock')


def unlock(conf):
    try:
        os.unlink(conf['LOCK_FILE'])
    except FileNotFoundError:
        pass
    except PermissionError:
        raise Failure(IO, f'step=unlock file={conf["LOCK_FILE"]}'
                          ' reason=not permitted (run it with sudo)')
    log(f'step=unlock file={conf["LOCK_FILE"]}')


def refresh(conf, reset):
    mount, state = conf['MOUNT_PATH'], conf['STATE_DIR']
    flock(conf)
    # Checked under the flock: a refresh that waited while someone locked leaves the code alone.
    if os.path.exists(conf['LOCK_FILE']):
        with open(conf['LOCK_FILE'], encoding='utf-8', errors='replace') as f:
            note = f.read(200).replace('\n', ' ').strip()
        log(f'step=locked file={conf["LOCK_FILE"]} {note} nothing refreshed')
        return
    journal_path = os.path.join(state, 'journal.json')
    manifest = Manifest(os.path.join(state, 'manifest.json'))
    if os.path.exists(journal_path):
        with open(journal_path, encoding='utf-8') as f:
            journal = json.load(f)
        log(f'step=resume files={len(journal["actions"])}'
            ' completing the refresh a killed run began')
        commit(journal, journal_path, manifest, mount, conf)
    # A killed run's copy of an image; its copying may even outlive it, so each run copies into
    # a directory of its own.
    for e in os.scandir(state):
        if e.name.startswith('staging'):
            shutil.rmtree(e.path, ignore_errors=True)
    staging = os.path.join(state, f'staging-{os.getpid()}')
    prune(conf)
    image = release(conf['RELEASE_FILE'])
    log(f'step=release image={image}')
    # Merging the image the tree came from changes nothing (each path's base is its new
    # version), so only --reset goes on.
    if not reset and manifest.image == image:
        log(f'step=merged image={image} the tree came from it, nothing to do')
        if os.path.isdir(mount):
            dirs = {}
            deployers_can_edit(mount, conf, (walk(mount, dirs), dirs))
        return
    os.makedirs(staging)
    copy_image(image, conf['CONTAINER_NAME'], staging)
    new = entries(staging, walk(staging))
    os.makedirs(mount, exist_ok=True)
    now, seen = current(mount, manifest)
    # No record yet (the first refresh): the tree is taken as the last image, so nothing is
    # held back, and what it replaces is saved.
    base = manifest.entries if manifest.known else now
    actions, kept, conflicts, edits = plan(base, now, new, reset)
    saved_dir = os.path.join(conf['EDITS_DIR'], time.strftime('%Y%m%dT%H%M%SZ', time.gmtime()))
    saved = save_edits(mount, staging, saved_dir + PARTIAL, actions, conflicts, set(edits),
                       manifest.known, reset)
    if os.path.isdir(saved_dir + PARTIAL):
        os.replace(saved_dir + PARTIAL, saved_dir)
    journal = {'image': image, 'actions': actions, 'new': new, 'kept': kept, 'conflicts': conflicts,
               'staging': staging}
    write_atomically(journal_path, json.dumps(journal, sort_keys=True))  # the commit point
    commit(journal, journal_path, manifest, mount, conf, seen)
    for path in conflicts:
        log(f'step=conflict file={path} kept=edited image-version={saved_dir}/from-image/{path}')
    if saved:
        log(f'step=edits saved={saved} dir={saved_dir}')
    prune(conf)
    updated = sum(a == 'take' for a in actions.values())
    log(f'step=done image={image} updated={updated} removed={len(actions) - updated}'
        f' kept-edits={len(edits)} conflicts={len(conflicts)}')


def save_edits(mount, staging, saved_dir, actions, conflicts, edits, known, reset):
    """
    Copies, made before anything changes: what the refresh replaces or deletes of an engineer's
    (--reset), or of a tree no record tells from an image (the first refresh); and the image's
    side of each conflict.
    """
    count = 0
    if reset or not known:
        into = os.path.join(saved_dir, 'edited' if known else 'replaced')
        for path in actions:
            if os.path.lexists(os.path.join(mount, path)) and (not known or path in edits):
                save(mount, path, into)
                count += 1
    for path in conflicts:
        if os.path.lexists(os.path.join(staging, path)):
            save(staging, path, os.path.join(saved_dir, 'from-image'))
            count += 1
    return count


def commit(journal, journal_path, manifest, mount, conf, seen=None):
    """
    Applies the journal's plan and records the result. 'seen' is the tree's stats as the
    plan saw them; a resumed run has none and walks the tree again.
    """
    staging = journal['staging']
    apply(journal, mount, staging, conf)
    if seen is None:
        dirs = {}
        seen = (walk(mount, dirs), dirs)
    else:
        files = seen[0]
        for path, action in journal['actions'].items():
            if action == 'take':
                files[path] = os.lstat(os.path.join(mount, path))
            else:
                files.pop(path, None)
    deployers_can_edit(mount, conf, seen)
    new, kept = journal['new'], set(journal['kept'])
    # Only a path holding exactly the image's gets its stat recorded: an edit kept stays an edit.
    stats = {path: stamp(st) for path, st in seen[0].items() if path in new and path not in kept}
    manifest.image, manifest.entries, manifest.stats = journal['image'], new, stats
    manifest.save()
    conflicts_file = os.path.join(conf['STATE_DIR'], 'conflicts')
    write_atomically(conflicts_file, ''.join(p + '\n' for p in sorted(journal['conflicts'])))
    os.unlink(journal_path)
    shutil.rmtree(staging, ignore_errors=True)
    fix_perms(conf)


def fix_perms(conf):
    command = conf['FIX_PERMS']
    if not os.access(command, os.X_OK):
        log(f'step=fix-perms command={command} missing; permissions were set by the refresh itself')
        return
    result = subprocess.run([command], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        log(f'step=fix-perms command={command} exit={result.returncode}'
            ' (permissions were set by the refresh itself)')
    else:
        log(f'step=fix-perms command={command}')


def prune(conf):
    edits = conf['EDITS_DIR']
    if not os.path.isdir(edits):
        return
    for e in os.scandir(edits):
        if e.name.endswith(PARTIAL) and e.is_dir(follow_symlinks=False):
            shutil.rmtree(e.path)  # a killed run's copies, incomplete
    cutoff = time.time() - int(conf['KEEP_DAYS']) * 86400
    kept = sorted((e for e in os.scandir(edits) if e.is_dir(follow_symlinks=False)),
                  key=lambda e: e.name, reverse=True)
    for i, e in enumerate(kept):
        if i >= int(conf['KEEP_COUNT']) or e.stat(follow_symlinks=False).st_mtime < cutoff:
            shutil.rmtree(e.path)


def main(argv):
    try:
        opts = options(argv)
        conf = settings()
        os.umask(0o002)
        if opts['action'] == 'lock':
            lock(conf, opts['reason'])
        elif opts['action'] == 'unlock':
            unlock(conf)
        else:
            refresh(conf, opts['reset'])
        return OK
    except Failure as e:
        log_error(e.words)
        return e.code
    except OSError as e:
        where = f' file={e.filename}' if e.filename else ''
        if e.errno in (errno.ENOSPC, errno.EDQUOT):
            log_error(f'step=write{where}'
                      ' reason=no space left; the next run completes or redoes this one')
            return NO_SPACE
        log_error(f'step=write{where} reason={e.strerror}')
        return IO


def log_error(words):
    print(f'{NAME}: error {words}', file=sys.stderr, flush=True)


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
