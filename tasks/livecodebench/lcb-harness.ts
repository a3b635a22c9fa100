// The Python program that grades one LiveCodeBench solution inside the sandbox, reproducing the
// behaviour of LiveCodeBench's lcb_runner/evaluation/testing_util.py (run_test, grade_call_based,
// grade_stdio, reliability_guard) and compute_code_generation_metrics.py, in our own code:
// - the standard imports are prepended (from string/re/datetime/collections/... import *, and the
//   modules themselves; recursion limit 50000); int/str conversions up to 50,000 digits;
// - functional (LeetCode) problems: `class Solution` is instantiated when the code mentions it,
//   each input line is JSON, the method's result (a tuple read as a list) must equal the JSON output;
// - stdin problems: a trailing `if __name__ == '__main__':` block is unwrapped, everything but the
//   imports becomes the body of a function, which is called with stdin, input(), open() replaced by
//   LiveCodeBench's mocks (readline returns lines without "\n" and raises StopIteration at the end;
//   read() returns the whole input; readlines() splits on "\n") and stdout captured; the output
//   matches when its stripped lines equal the expected ones, exactly or as Decimal numbers;
// - 6 s per test (signal.alarm), the first failing test ends the grading;
// - reliability_guard's disabled functions are disabled here too, so that a solution calling
//   them fails as it does in LiveCodeBench (the sandbox, not this, is the protection).
// The verdict goes to the original stdout after a marker. Kept as a TypeScript string so that it
// ships with the compiled task.
export const LCB_HARNESS = String.raw`
import ast, builtins, faulthandler, io, json, os, signal, sys, time
from decimal import Decimal
from types import ModuleType

_OUT_FD = os.dup(1)
_write = os.write

IMPORTS = "from string import *\nfrom re import *\nfrom datetime import *\nfrom collections import *\nfrom heapq import *\nfrom bisect import *\nfrom copy import *\nfrom math import *\nfrom random import *\nfrom statistics import *\nfrom itertools import *\nfrom functools import *\nfrom operator import *\nfrom io import *\nfrom sys import *\nfrom json import *\nfrom builtins import *\nfrom typing import *\nimport string\nimport re\nimport datetime\nimport collections\nimport heapq\nimport bisect\nimport copy\nimport math\nimport random\nimport statistics\nimport itertools\nimport functools\nimport operator\nimport io\nimport sys\nimport json\nsys.setrecursionlimit(50000)\n"

class TimeoutException(Exception):
    pass

def _on_alarm(signum, frame):
    raise TimeoutException

def _truncate(value, n=300):
    s = value if isinstance(value, str) else str(value)
    return s if len(s) <= n else s[: n // 2] + "...(truncated) ..." + s[-n // 2:]

def _guard():
    builtins.quit = None
    os.environ["OMP_NUM_THREADS"] = "1"
    for name in ("kill", "system", "putenv", "remove", "removedirs", "rmdir", "fchdir", "setuid", "fork", "forkpty", "killpg", "rename", "renames", "truncate", "replace", "unlink", "fchmod", "fchown", "chmod", "chown", "chroot", "lchflags", "lchmod", "lchown", "getcwd", "chdir"):
        setattr(os, name, None)
    import shutil, subprocess
    shutil.rmtree = shutil.move = shutil.chown = None
    subprocess.Popen = None
    builtins.help = None
    for name in ("ipdb", "joblib", "resource", "psutil", "tkinter"):
        sys.modules[name] = None

def _unwrap_main(code):
    try:
        tree = ast.parse(code)
        last = tree.body[-1]
        if isinstance(last, ast.If) and ast.unparse(last.test).strip() == "__name__ == '__main__'":
            return ast.unparse(tree.body[:-1]) + "\n" + ast.unparse(last.body)
    except Exception:
        pass
    return code

def _as_function(code):
    try:
        tree = ast.parse(code)
        imports = [s for s in tree.body if isinstance(s, (ast.Import, ast.ImportFrom))]
        others = [s for s in tree.body if not isinstance(s, (ast.Import, ast.ImportFrom))]
        fn = ast.FunctionDef(name="wrapped_function", args=ast.arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=others, decorator_list=[], lineno=-1)
        return IMPORTS + "\n" + ast.unparse(imports) + "\n" + ast.unparse(fn)
    except Exception:
        return code

def _compile(code, timeout):
    signal.alarm(timeout)
    try:
        module = ModuleType("tmp_sol", "")
        exec(code, module.__dict__)
        return module.Solution() if "class Solution" in code else module
    finally:
        signal.alarm(0)

class _Buffer:
    def __init__(self, text):
        self.data = text.encode("utf-8")
    def read(self, *args):
        return self.data
    def readline(self, *args):
        return self.data.split(b"\n")[0] + b"\n"

class _Stdin:
    def __init__(self, text):
        self._text = text
        self._io = io.StringIO(text)
        self._lines = iter(text.split("\n"))
        self.buffer = _Buffer(text)
    def read(self, *args):
        return self._text
    def readline(self, *args):
        return next(self._lines)
    def readlines(self, *args):
        return self._text.split("\n")
    def __getattr__(self, name):
        return getattr(self._io, name)

def _lines(text):
    return [line.strip() for line in text.strip().split("\n")]

def _decimals(line):
    try:
        return [Decimal(x) for x in line.split()]
    except Exception:
        return None

def _run_test(i, timeout, check):
    # One test under the time limit: check() returns a wrong-answer message or None; a timeout
    # or an exception is that test's failure.
    signal.alarm(timeout)
    try:
        return check()
    except TimeoutException:
        return "test %d: time limit exceeded" % i
    except Exception as e:
        return "test %d: runtime error: %s" % (i, _truncate(repr(e)))
    finally:
        signal.alarm(0)

def _call_ignoring_exit(method):
    # A stdin program may end with sys.exit() / exit(): that is a normal end, not an error.
    def check():
        try:
            method()
        except SystemExit:
            pass
        return None
    return check

def grade_call_based(code, inputs, outputs, fn_name, timeout):
    solution = _compile(IMPORTS + "\n\n" + code, timeout)
    method = getattr(solution, fn_name)
    inputs = [[json.loads(line) for line in text.split("\n")] for text in inputs]
    outputs = [json.loads(text) for text in outputs]
    for i, (args, expected) in enumerate(zip(inputs, outputs)):
        def check():
            got = method(*args)
            signal.alarm(0)
            if isinstance(got, tuple):
                got = list(got)
            if got != expected:
                return "test %d: wrong answer: %s != %s" % (i, _truncate(got), _truncate(expected))
            return None
        failure = _run_test(i, timeout, check)
        if failure is not None:
            return False, failure
    return True, ""

def grade_stdio(code, inputs, outputs, timeout):
    code = _as_function(_unwrap_main(code))
    method = getattr(_compile(code, timeout), "wrapped_function")
    for i, (text, expected) in enumerate(zip(inputs, outputs)):
        stdin = _Stdin(text)
        saved = (sys.stdin, sys.stdout, builtins.open)
        sys.stdin, sys.stdout = stdin, io.StringIO()
        builtins.open = lambda *args, **kwargs: io.StringIO(text)
        try:
            failure = _run_test(i, timeout, _call_ignoring_exit(method))
        finally:
            printed = sys.stdout.getvalue()
            sys.stdin, sys.stdout, builtins.open = saved
        if failure is not None:
            return False, failure
        got, want = _lines(printed), _lines(expected)
        if len(got) != len(want):
            return False, "test %d: wrong answer: %d output lines, expected %d" % (i, len(got), len(want))
        for g, w in zip(got, want):
            if g == w:
                continue
            gd, wd = _decimals(g), _decimals(w)
            if gd is None or wd is None or gd != wd:
                return False, "test %d: wrong answer: %s != %s" % (i, _truncate(g), _truncate(w))
    return True, ""

def main(marker, code, tests_json, fn_name, timeout):
    if hasattr(sys, "set_int_max_str_digits"):
        sys.set_int_max_str_digits(50000)
    tests = json.loads(tests_json)
    inputs = [t["input"] for t in tests]
    outputs = [t["output"] for t in tests]
    signal.signal(signal.SIGALRM, _on_alarm)
    _guard()
    faulthandler.disable()
    try:
        if fn_name:
            passed, why = grade_call_based(code, inputs, outputs, fn_name, timeout)
        else:
            passed, why = grade_stdio(code, inputs, outputs, timeout)
    except BaseException as e:
        passed, why = False, "error during testing: %s" % _truncate(repr(e))
    _write(_OUT_FD, (marker + json.dumps({"passed": passed, "why": why}) + "\n").encode("utf-8"))
    os._exit(0)
`;
