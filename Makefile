# Local commands (CI runs .ci/run).
.PHONY: test lint format eval demo bench

test:
	pytest

lint:
	ruff check .
	ruff format --check .

format:
	ruff format .
	ruff check --fix .

eval:
	seasoncheck eval ../shared/eval/dev.jsonl

demo:
	seasoncheck demo
