"""The Spark job in local mode over a WARC written by warcio, then `dateline ingest` of its output:
the same events as `dateline ingest` of the WARC itself."""

import os
import subprocess
import sys

from conftest import BIN, SAMPLES, write_warc


def events(db, cwd):
    out = subprocess.run(
        [BIN, "events", "--db", db, "--format", "jsonl", "--min-confidence", "0"],
        capture_output=True,
        check=True,
        cwd=cwd,
    )
    return out.stdout.decode()


def test_spark_local_run_then_ingest_gives_the_events_of_a_direct_ingest(tmp_path):
    warc = write_warc(tmp_path / "samples.warc.gz", SAMPLES)
    paths = tmp_path / "paths.txt"
    paths.write_text(f"# one archive a line\n{warc}\n")
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    run = subprocess.run(
        [sys.executable, "-m", "dateline.spark", "--input", str(paths), "--output", str(tmp_path / "out"),
         "--master", "local[2]", "--gzip"],
        capture_output=True,
        env=env,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr.decode()[-4000:]
    assert "0 rejected records" in run.stderr.decode()
    assert any(p.name.startswith("part-") for p in (tmp_path / "out/articles").iterdir())

    subprocess.run([BIN, "ingest", "--db", "spark.db", "out"], check=True, cwd=tmp_path, capture_output=True)
    subprocess.run([BIN, "ingest", "--db", "direct.db", str(warc)], check=True, cwd=tmp_path, capture_output=True)
    got = events("spark.db", tmp_path)
    assert got and got == events("direct.db", tmp_path)
