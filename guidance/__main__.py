"""`python -m guidance check`: check the knowledge base the way the chamber's staff maintain it.

Exit status 0 when there is no error (warnings are listed: sources not checked live, missing
pages), 1 otherwise. `--quiet` prints the errors and the summary only.
"""

from __future__ import annotations

import argparse
import sys

from guidance.checks import check_knowledge_base, summary
from guidance.knowledge import KnowledgeBaseError, load_knowledge_base


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m guidance", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="check guidance/knowledge_base.yml (words, acronyms, typography, links)")
    check.add_argument("--quiet", action="store_true", help="errors and the summary only")
    args = parser.parse_args(argv)

    problems = check_knowledge_base()
    for problem in problems:
        if problem.error or not args.quiet:
            print(problem)
    try:
        entries = load_knowledge_base()
    except KnowledgeBaseError:
        entries = ()
    print(summary(entries, problems))
    return 1 if any(problem.error for problem in problems) else 0


if __name__ == "__main__":
    sys.exit(main())
