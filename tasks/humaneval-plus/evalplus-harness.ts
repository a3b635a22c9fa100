// The Python program that checks one EvalPlus solution inside the sandbox. It reproduces the
// behaviour of evalplus (evaluate.py get_groundtruth / check_correctness, eval/__init__.py
// untrusted_check, eval/_special_oracle.py, data/mbpp.py mbpp_deserialize_inputs) in our own code:
// 1. expected outputs: the canonical solution (prompt + canonical_solution) run on a deep copy of
//    every input, timed (trusted_exec); for the "output is not None" MBPP tasks, only that;
// 2. the candidate, for the base inputs and then the plus inputs: exec'd with I/O swallowed, then
//    called on each input under a time limit of max(4 s, 4 × the canonical time) (config.py
//    DEFAULT_MIN_TIME_LIMIT, DEFAULT_GT_TIME_LIMIT_FACTOR), each set within min(60, Σ limits) + 1 s;
//    the first failing input fails the set (fast_check, evalplus's default);
// 3. an output passes when it equals the expected one, or by the special oracles, or, with a
//    non-zero atol (1e-6 whenever the expected value is float(s)), when type and length agree and
//    every element is within atol + 1e-7·|expected| (numpy.allclose, written out: no numpy here).
// The verdict is printed on the original stdout after a marker; the candidate's own output goes
// nowhere. Kept as a TypeScript string so that it ships with the compiled task.
export const EVALPLUS_HARNESS = String.raw`
import contextlib, copy, io, json, math, os, signal, sys, time

_OUT = os.fdopen(os.dup(1), "w")
MIN_TIME_LIMIT = 4.0
GT_TIME_LIMIT_FACTOR = 4.0
SET_BUDGET_CAP = 60

class TimeoutException(Exception):
    pass

def _on_alarm(signum, frame):
    raise TimeoutException("time limit exceeded")

@contextlib.contextmanager
def time_limit(seconds):
    signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)

class _NoStdin(io.StringIO):
    def read(self, *args, **kwargs):
        raise IOError("stdin is not readable")
    readline = read
    readlines = read
    def readable(self, *args, **kwargs):
        return False

@contextlib.contextmanager
def swallow_io():
    sink = io.StringIO()
    saved = sys.stdin
    sys.stdin = _NoStdin()
    try:
        with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
            yield
    finally:
        sys.stdin = saved

# ---- MBPP+ inputs that JSON cannot hold (mbpp_deserialize_inputs) ----
def _args_to_tuples(inp):
    return [tuple(a) for a in inp]

def _nested_to_tuples(inp):
    return [[tuple(x) for x in a] for a in inp]

def _all_tuples(x):
    return tuple(_all_tuples(i) for i in x) if isinstance(x, list) else x

_MBPP_INPUTS = {}
for _n in (2, 116, 132, 143, 222, 261, 273, 394, 399, 421, 424, 429, 470, 560, 579, 596, 616, 630, 726, 740, 744, 809):
    _MBPP_INPUTS[_n] = _args_to_tuples
for _n in (63, 64, 70, 94, 120, 237, 272, 299, 400, 409, 417, 438, 473, 614, 780):
    _MBPP_INPUTS[_n] = _nested_to_tuples
for _n in (75, 413, 444, 753):
    _MBPP_INPUTS[_n] = lambda inp: [[tuple(x) for x in inp[0]], inp[1]]
for _n in (106, 750):
    _MBPP_INPUTS[_n] = lambda inp: [inp[0], tuple(inp[1])]
_MBPP_INPUTS[115] = lambda inp: [[set(x) if isinstance(x, list) and len(x) else {} for x in inp[0]]]
_MBPP_INPUTS[124] = lambda inp: (float(inp[0]), complex(inp[1]))
for _n in (250, 405, 446, 617, 720, 763, 808):
    _MBPP_INPUTS[_n] = lambda inp: [tuple(inp[0]), inp[1]]
for _n in (259, 401, 445):
    _MBPP_INPUTS[_n] = lambda inp: [tuple(tuple(x) for x in a) for a in inp]
_MBPP_INPUTS[278] = lambda inp: [tuple(tuple(x) if isinstance(x, list) else x for x in inp[0])]
_MBPP_INPUTS[307] = lambda inp: [tuple(inp[0]), inp[1], inp[2]]
_MBPP_INPUTS[722] = lambda inp: [{k: tuple(v) for k, v in inp[0].items()}] + inp[1:]
_MBPP_INPUTS[252] = lambda inp: [complex(inp[0])]
for _n in (580, 615, 791):
    _MBPP_INPUTS[_n] = _all_tuples

# ---- special oracles (_special_oracle.py) ----
MBPP_OUTPUT_NOT_NONE_TASKS = ("check_str", "text_match_three", "text_starta_endb")
MBPP_OUTPUT_SET_EQ_TASKS = ("similar_elements", "find_char_long", "common_in_nested_lists", "extract_singly", "larg_nnum", "intersection_array", "find_dissimilar", "Diff")

def _surface_area(base_edge, height):
    slant = math.sqrt((base_edge / 2) ** 2 + height ** 2)
    return round(base_edge ** 2 + 4 * (base_edge * slant) / 2)

def _digit_distance(num1, num2):
    a, b = str(num1), str(num2)
    width = max(len(a), len(b))
    a, b = a.zfill(width), b.zfill(width)
    return sum(abs(int(x) - int(y)) for x, y in zip(a, b))

def _poly(xs, x):
    return sum(c * math.pow(x, i) for i, c in enumerate(xs))

def is_floats(x):
    if isinstance(x, float):
        return True
    if isinstance(x, (list, tuple)) and x:
        return all(isinstance(i, float) for i in x)
    return False

def _close(a, b, atol, rtol=1e-07):
    # numpy.allclose on nested sequences of numbers: same shape, |a - b| <= atol + rtol * |b|.
    if isinstance(a, (list, tuple)) or isinstance(b, (list, tuple)):
        if not (isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)) and len(a) == len(b)):
            raise ValueError("shapes differ")
        return all(_close(x, y, atol, rtol) for x, y in zip(a, b))
    a, b = complex(a), complex(b)
    if a == b:
        return True
    if any(math.isinf(v) or math.isnan(v) for v in (a.real, a.imag, b.real, b.imag)):
        return False
    return abs(a - b) <= atol + rtol * abs(b)

def trusted_exec(code, inputs, entry, output_not_none):
    g = {}
    exec(code, g)
    fn = g[entry]
    outputs, times = [], []
    for inp in inputs:
        inp = copy.deepcopy(inp)
        start = time.time()
        outputs.append(fn(*inp))
        times.append(time.time() - start)
    if output_not_none:
        outputs = [o is not None for o in outputs]
    return outputs, times

def _passes(dataset, entry, inp, out, exp, atol):
    exact = out == exp
    if dataset == "mbpp":
        if entry == "are_equivalent":
            exact = True
        elif entry == "sum_div":
            exact = exact or out == 0
        elif entry == "surface_Area":
            exact = exact or abs(out - _surface_area(*inp)) <= atol
        elif entry == "digit_distance_nums":
            exact = exact or out == _digit_distance(*inp)
        elif entry in MBPP_OUTPUT_SET_EQ_TASKS:
            exact = set(out) == set(exp)
        elif entry in MBPP_OUTPUT_NOT_NONE_TASKS:
            exact = out == exp if isinstance(out, bool) else exp == (out is not None)
    if dataset == "humaneval" and entry == "find_zero":
        assert abs(_poly(*inp, out)) <= atol
        return atol
    if atol == 0 and is_floats(exp):
        atol = 1e-6  # kept for the following inputs too, as evalplus does
    if not exact and atol != 0:
        assert type(out) == type(exp)
        if isinstance(exp, (list, tuple)):
            assert len(out) == len(exp)
        assert _close(out, exp, atol)
    else:
        assert exact
    return atol

_NOTHING = object()

def _short(value, n=200):
    text = repr(value)
    return text if len(text) <= n else text[:n] + "..."

def untrusted_check(dataset, entry, code, inputs, expected, ref_times, atol):
    limits = [max(MIN_TIME_LIMIT, GT_TIME_LIMIT_FACTOR * t) for t in ref_times]
    budget = min(SET_BUDGET_CAP, sum(limits)) + 1
    started = time.monotonic()
    g = {}
    try:
        with time_limit(budget), swallow_io():
            exec(code, g)
        fn = g[entry]
    except BaseException as e:
        return {"status": "fail", "why": "the solution does not load: " + _short(e)}
    for i, inp in enumerate(inputs):
        if time.monotonic() - started > budget:
            return {"status": "timeout", "why": "the test set took longer than %.0f s" % budget}
        out = _NOTHING
        try:
            with time_limit(limits[i]), swallow_io():
                out = fn(*inp)
            atol = _passes(dataset, entry, inp, out, expected[i], atol)
        except TimeoutException:
            return {"status": "timeout", "why": "input %d took longer than %.1f s" % (i, limits[i])}
        except BaseException as e:
            got = "no output" if out is _NOTHING else _short(out)
            return {"status": "fail", "why": "input %d: %s (expected %s, got %s)" % (i, type(e).__name__, _short(expected[i]), got)}
    return {"status": "pass", "why": ""}

def main(marker, dataset, task_number, entry, canonical, candidate, base_json, plus_json, atol):
    # Inputs may hold integers longer than Python's default 4300-digit str/int conversion limit;
    # lift it to read them, and put it back before any solution runs.
    limit = sys.get_int_max_str_digits() if hasattr(sys, "get_int_max_str_digits") else None
    if limit is not None:
        sys.set_int_max_str_digits(0)
    inputs = {"base": json.loads(base_json), "plus": json.loads(plus_json)}
    if dataset == "mbpp" and task_number in _MBPP_INPUTS:
        convert = _MBPP_INPUTS[task_number]
        inputs = {k: [convert(inp) for inp in v] for k, v in inputs.items()}
    not_none = dataset == "mbpp" and entry in MBPP_OUTPUT_NOT_NONE_TASKS
    truth = {}
    for name in ("base", "plus"):
        truth[name] = trusted_exec(canonical, inputs[name], entry, not_none)
    if limit is not None:
        sys.set_int_max_str_digits(limit)
    # From here on a missing verdict is the candidate's doing (it exited or was killed).
    _OUT.write(marker + "truth\n")
    _OUT.flush()
    verdict = {}
    for name in ("base", "plus"):
        expected, times = truth[name]
        verdict[name] = untrusted_check(dataset, entry, candidate, inputs[name], expected, times, atol)
    _OUT.write(marker + json.dumps(verdict) + "\n")
    _OUT.flush()
    os._exit(0)
`;
