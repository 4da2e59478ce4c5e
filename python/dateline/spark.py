"""Crawl-scale extraction on Apache Spark: ``python -m dateline.spark``.

    python -m dateline.spark --input PATHS --output DIR [--master URL] [--gzip]

PATHS is a text file (any path or URI Spark's Hadoop layer reads) listing one WARC or WACZ file a
line. Each archive is one task: an executor reads it (local paths directly; other URIs through
Spark's ``binaryFiles``, copied to a local temporary file), extracts and codes every record with
the ``dateline`` package, and the job writes

- ``DIR/articles/``: JSON Lines partitions, one article a line, as ``dateline extract`` prints;
- ``DIR/mentions/``: JSON Lines partitions, one event mention a line, as ``dateline extract
  --events`` prints;
- ``DIR/rejected/``: one line per record that could not be read, with its reason.

``dateline ingest DIR`` stores the articles and mentions without extracting again and rebuilds
stories and events. The job runs with ``--master local[N]`` on one machine and unchanged on a
cluster (``spark-submit --py-files`` is not needed: install the wheel on the executors, then
``spark-submit -m dateline.spark`` or ``spark-submit $(python -c 'import dateline.spark as s;
print(s.__file__)') --input …``).
"""

import argparse
import os
import shutil
import sys
import tempfile
from urllib.parse import urlparse


def _is_local(path: str) -> bool:
    scheme = urlparse(path).scheme
    return scheme in ("", "file") or (len(scheme) == 1 and os.name == "nt")


def _local_path(path: str) -> str:
    return urlparse(path).path if path.startswith("file:") else path


def _lines_of_local(path: str, name: str):
    from dateline import _dateline

    return _dateline._archive_lines(path, name=name)


def _lines_of_bytes(item):
    """(uri, bytes) from binaryFiles: the bytes go to a local file the reader can seek in."""
    uri, data = item
    suffix = ".wacz" if uri.lower().endswith(".wacz") else ".warc.gz" if uri.lower().endswith(".gz") else ".warc"
    with tempfile.NamedTemporaryFile(suffix=suffix, delete=False) as f:
        f.write(data)
        tmp = f.name
    try:
        return _lines_of_local(tmp, os.path.basename(uri))
    finally:
        os.unlink(tmp)


def _name(path: str) -> str:
    return os.path.basename(urlparse(path).path) or path


def run(spark, input_list: str, output: str, gzip: bool = False) -> dict:
    """Runs the job on an existing SparkSession; returns counts of what was written."""
    sc = spark.sparkContext
    paths = [p.strip() for p in sc.textFile(input_list).collect()]
    paths = [p for p in paths if p and not p.startswith("#")]
    if not paths:
        raise SystemExit(f"{input_list}: no archive paths")
    local = [p for p in paths if _is_local(p)]
    remote = [p for p in paths if not _is_local(p)]
    parts = []
    if local:
        rdd = sc.parallelize(local, len(local)).flatMap(
            lambda p: _lines_of_local(_local_path(p), _name(p))
        )
        parts.append(rdd)
    if remote:
        parts.append(sc.binaryFiles(",".join(remote)).flatMap(_lines_of_bytes))
    lines = parts[0] if len(parts) == 1 else sc.union(parts)
    lines = lines.cache()
    codec = "org.apache.hadoop.io.compress.GzipCodec" if gzip else None
    counts = {}
    for kind, folder in (("article", "articles"), ("mention", "mentions"), ("rejected", "rejected")):
        subset = lines.filter(lambda kv, k=kind: kv[0] == k).map(lambda kv: kv[1])
        target = output.rstrip("/") + "/" + folder
        if _is_local(target):
            shutil.rmtree(_local_path(target), ignore_errors=True)
        subset.saveAsTextFile(target, compressionCodecClass=codec)
        counts[folder] = subset.count()
    lines.unpersist()
    return counts


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dateline.spark", description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", required=True, help="text file listing WARC/WACZ paths or URIs, one a line")
    parser.add_argument("--output", required=True, help="folder for articles/, mentions/, rejected/")
    parser.add_argument("--master", help="Spark master URL, e.g. local[2] (default: what spark-submit says, else local[*])")
    parser.add_argument("--gzip", action="store_true", help="gzip the JSON Lines partitions")
    args = parser.parse_args(argv)

    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("dateline")
    if args.master:
        builder = builder.master(args.master)
    elif "SPARK_MASTER" not in os.environ and "spark.master" not in os.environ.get("PYSPARK_SUBMIT_ARGS", ""):
        builder = builder.master("local[*]")
    spark = builder.getOrCreate()
    try:
        counts = run(spark, args.input, args.output, gzip=args.gzip)
    finally:
        spark.stop()
    print(
        f"wrote {counts['articles']} articles, {counts['mentions']} event mentions, "
        f"{counts['rejected']} rejected records to {args.output}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
