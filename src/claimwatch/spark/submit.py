"""The file to hand to spark-submit (it runs files, not modules; absolute imports only here).

    JOB=$(python -c 'import claimwatch.spark.submit as s; print(s.__file__)')
    spark-submit --master yarn --deploy-mode cluster "$JOB" hdfs:///crawl/2024/ --out hdfs:///claimwatch/2024/

Claimwatch (with the `spark` extra and its models) must be installed in the Python of the driver and of
every executor (see the README: a shared virtual environment, a packed environment, or an image).
"""

from claimwatch.spark.job import main

if __name__ == "__main__":
    raise SystemExit(main())
