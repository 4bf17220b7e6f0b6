"""The ``kg`` command: wires the stages together and maps errors to exit codes.

Why: the CLI holds no logic (STYLE.md, "Our conventions" 1 and 7). Each subcommand parses its
options into :class:`kg.config.Settings`, calls one function of the stage that owns the work,
and prints. Every :class:`kg.errors.KGError` becomes one line on stderr and its exit code;
click reports bad options itself (exit 2). No traceback reaches a user.

Imports of heavy stages (spaCy, pyoxigraph, Flask) happen inside the commands, so ``kg --help``
is instant and ``kg serve`` never loads spaCy.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg import config as config_mod
from kg.errors import KGError

FORMATS = ("nquads", "trig", "turtle", "ntriples", "xml", "json-ld")


class KGGroup(click.Group):
    """A click group that turns :class:`KGError` into one line and an exit code."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KGError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)


def _settings(**changes: object) -> config_mod.Settings:
    return config_mod.from_env().with_(**changes)


store_option = click.option(
    "--store",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="On-disk Oxigraph store directory [env KG_STORE; default data/store].",
)


@click.group(cls=KGGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="geo-kg", prog_name="kg")
def main() -> None:
    """Build a geopolitical knowledge graph from articles, query and serve it."""


@main.command()
@click.argument("paths", nargs=-1)
@store_option
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=None, help="Worker processes.")
@click.option("--prune", is_flag=True, help="Drop articles whose files are no longer given.")
@click.option("--validate", is_flag=True, help="Run the SHACL shapes over the result.")
@click.option("--rebuild", is_flag=True, help="Start from an empty store and re-extract all.")
@click.option("--no-progress", is_flag=True, help="No progress bar (logs, CI).")
def build(
    paths: tuple[str, ...],
    store: Path | None,
    jobs: int | None,
    prune: bool,
    validate: bool,
    rebuild: bool,
    no_progress: bool,
) -> None:
    """Extract PATHS (files, folders, globs; default seeds/) into the store."""
    from kg.build import run_build

    settings = _settings(store=store, jobs=jobs)
    summary = run_build(
        settings,
        list(paths) or [str(settings.seeds)],
        prune=prune,
        validate=validate,
        rebuild=rebuild,
        progress=not no_progress,
    )
    click.echo(summary.render())
    if not summary.ok:
        sys.exit(summary.exit_code)


@main.command()
@store_option
@click.option(
    "--out", type=click.Path(path_type=Path, file_okay=False), required=True,
    help="Folder for one JSON file per article (gold format).",
)
def facts(store: Path | None, out: Path) -> None:
    """Export each article's facts from the store (via SPARQL) in the gold JSON format."""
    from kg.facts_export import export_facts

    n = export_facts(_settings(store=store), out)
    click.echo(f"wrote {n} article files to {out}")


@main.command()
@click.option("--gold", type=click.Path(path_type=Path, exists=True, file_okay=False),
              required=True)
@click.option("--pred", type=click.Path(path_type=Path, exists=True, file_okay=False),
              required=True)
def evaluate(gold: Path, pred: Path) -> None:
    """Score a facts export against gold annotations (P/R/F1 per fact type)."""
    from kg.evaluate import format_table, score

    click.echo(format_table(score(gold, pred)))


@main.command()
@store_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="nquads", show_default=True)
@click.option("--graph", default=None, help="Dump only this named graph (IRI).")
@click.option("--output", "-o", type=click.Path(path_type=Path, dir_okay=False), required=True)
def dump(store: Path | None, fmt: str, graph: str | None, output: Path) -> None:
    """Write the dataset (N-Quads/TriG) or one graph (Turtle, RDF/XML, JSON-LD) to a file."""
    from kg.store import dump_store

    n = dump_store(_settings(store=store), output, fmt, graph)
    click.echo(f"wrote {n} quads to {output}")


@main.command()
@store_option
@click.argument("files", nargs=-1, required=True,
                type=click.Path(path_type=Path, exists=True, dir_okay=False))
def load(store: Path | None, files: tuple[Path, ...]) -> None:
    """Load dump files (N-Quads, TriG, …) into a store."""
    from kg.store import load_files

    n = load_files(_settings(store=store), list(files))
    click.echo(f"loaded {n} quads")


@main.command()
@store_option
@click.option("--host", default=None, help="Interface to listen on [default 127.0.0.1].")
@click.option("--port", type=click.IntRange(1, 65535), default=None, help="[default 5000]")
@click.option("--base", "base_iri", default=None, help="Base IRI served as linked data.")
@click.option("--timeout", "query_timeout", type=float, default=None, help="Query time limit (s).")
@click.option("--max-rows", type=int, default=None, help="Result-row cap.")
@click.option("--workers", type=click.IntRange(1, 64), default=None,
              help="Serving processes (gunicorn workers) [default 2 per core, 2-16].")
@click.option("--threads", type=click.IntRange(1, 256), default=None,
              help="Request threads per serving process [default 2].")
def serve(
    store: Path | None,
    host: str | None,
    port: int | None,
    base_iri: str | None,
    query_timeout: float | None,
    max_rows: int | None,
    workers: int | None,
    threads: int | None,
) -> None:
    """Serve the store over the SPARQL 1.1 Protocol with saved queries and a web UI."""
    from kg.serve import run_server

    run_server(
        _settings(
            store=store, host=host, port=port, base_iri=base_iri,
            query_timeout=query_timeout, max_rows=max_rows, workers=workers,
            threads=threads,
        )
    )


@main.command("check-ontology")
def check_ontology() -> None:
    """Check the ontology: parses, RDF/XML copy up to date, labels and definitions present."""
    from kg.ontology import check_ontology as check

    problems = check()
    for p in problems:
        click.echo(p, err=True)
    if problems:
        sys.exit(1)
    click.echo("ontology OK")


@main.group()
def wikidata() -> None:
    """Reference data aligned to Wikidata."""


@wikidata.command("refresh")
@store_option
@click.option("--endpoint", default=None, help="SPARQL endpoint [default: Wikidata Query Service].")
@click.option("--timeout", type=float, default=60.0, show_default=True)
def wikidata_refresh(store: Path | None, endpoint: str | None, timeout: float) -> None:
    """Fetch the reference data from a SPARQL endpoint into the reference graph."""
    from kg.reference import refresh_reference

    n = refresh_reference(_settings(store=store, wikidata_endpoint=endpoint), timeout=timeout)
    click.echo(f"reference graph: {n} triples")


if __name__ == "__main__":  # pragma: no cover
    main()
