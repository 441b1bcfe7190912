"""The generate pipeline: load, validate, lint, build, render, format; then write all at once."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace

from generator.cache import ContentCache, digest, generator_digest
from generator.errors import Finding, Location, Severity, TrunklineError
from generator.formatting.fmt import MODE_KEY, Formatter
from generator.formatting.layout import layout_files
from generator.modeling import ir
from generator.modeling.build import build
from generator.progress import Progress
from generator.reading.load import load
from generator.reading.preflight import preflight
from generator.rendering.render import model_files, module_inputs, render, static_paths
from generator.targets import Target, inputs_digest
from generator.writing.manifest import MANIFEST, manifest_text


class LintFailed(TrunklineError):
    """The spec has lint errors; generation stops before anything is written."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(f"{len(findings)} lint error(s); run `trunkline lint` for all of them")
        self.findings = findings


def package_ir(target: Target, progress: Progress | None = None) -> ir.Package:
    """Load, validate, lint and build one target; raise on errors."""
    progress = progress or Progress(enabled=False)
    progress.stage(target.name, "loading")
    document = load(target.spec)
    progress.stage(target.name, "checking")
    preflight(document)  # what makes a spec unusable: one located error, exit 2
    if target.strict:
        from generator.lint import lint  # only strict targets are linted: a spec given with --spec does not load it

        progress.stage(target.name, "validating and linting")
        errors = [f for f in lint(document) if f.severity is Severity.ERROR]
        if errors:
            raise LintFailed(errors)
    progress.stage(target.name, "building")
    return replace(build(document, target.name, target.version), urls=target.urls)


def render_target(target: Target, progress: Progress | None = None, parallel: bool = True) -> dict[str, str]:
    """Every file of one target's package, formatted, in memory, with its manifest."""
    progress = progress or Progress(enabled=False)
    package = package_ir(target, progress)
    progress.stage(target.name, "rendering")
    files = rendered(package)
    if target.changelog is not None:
        files["CHANGELOG.md"] = target.changelog
        files["MANIFEST.in"] = "include CHANGELOG.md\n"  # ship the changelog in the sdist
    with Formatter(parallel) as formatter:
        # black works on these on the other cores while this one makes the models
        formatted = formatter.start(files, cores=max(1, (os.cpu_count() or 1) - 1), formatted=static_paths(package))
        progress.stage(target.name, "rendering models")
        models = formatter.start(model_files(package, parallel))
        progress.stage(target.name, "formatting")
        files = {**formatted(), **models()}
    files[MANIFEST] = manifest_text(inputs_digest(target), files)
    return files


# What a worker rendering vendor packages imports: the stages, lint, black and datamodel-code-generator
# (its parts a run loads lazily are named too; a name a version lacks is skipped).
WORKER_IMPORTS = (
    "generator.pipeline", "generator.lint", "black", "datamodel_code_generator.config",
    "datamodel_code_generator.parser.jsonschema", "datamodel_code_generator.model.pydantic_v2",
)


def rendered(package: ir.Package) -> dict[str, str]:
    """The package's templated files, laid out for black; each resource module is cached by
    the exact inputs it is rendered from, so a spec change renders only the modules it reaches."""
    cache = ContentCache("resource-modules")
    code = generator_digest()
    keys = {path: digest("resource module", code, MODE_KEY, inputs) for path, inputs in module_inputs(package).items()}
    made = {path: text for path, key in keys.items() if (text := cache.get(key)) is not None}
    files = layout_files(render(package, made))
    for path, key in keys.items():
        if path not in made:
            cache.put(key, files[path])
    return files


def render_all(targets: list[Target], progress: Progress | None = None) -> dict[str, dict[str, str]]:
    """Every target's files, several targets at once on several cores; raises if any fails."""
    workers = min(len(targets), os.cpu_count() or 1)
    if workers < 2:
        return {target.name: render_target(target, progress) for target in targets}
    if progress is not None:
        progress.stage(", ".join(t.name for t in targets), f"rendering on {workers} cores")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(list(WORKER_IMPORTS))  # imported once, in the server, not by each worker
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        results = list(pool.map(_render_in_worker, targets))
    for result in results:  # the first failure in target order, as a serial run would give
        if isinstance(result, _Failure):
            raise result.error()
    return {target.name: result for target, result in zip(targets, results) if isinstance(result, dict)}


@dataclass(frozen=True)
class _Failure:
    """A worker's TrunklineError, carried back as plain data (exceptions lose fields in pickling)."""

    message: str
    location: Location | None
    findings: list[Finding] | None

    def error(self) -> TrunklineError:
        return LintFailed(self.findings) if self.findings is not None else TrunklineError(self.message, self.location)


def _render_in_worker(target: Target) -> dict[str, str] | _Failure:
    try:
        return render_target(target, parallel=False)
    except LintFailed as exc:
        return _Failure(exc.message, exc.location, exc.findings)
    except TrunklineError as exc:
        return _Failure(exc.message, exc.location, None)
