package io.ownerscape.spark;

import io.ownerscape.experiment.Backend;

/** Found by {@link java.util.ServiceLoader} when this module is on the class path. */
public final class SparkBackendFactory implements Backend.Factory {
    @Override
    public Backend create(String master) {
        if (!master.equals(SparkBackend.FROM_SUBMIT)
                && !master.matches("local(\\[(\\*|[1-9][0-9]{0,3})(,[0-9]{1,3})?])?|(spark|yarn|k8s|mesos)(://.+)?")) {
            throw new IllegalArgumentException("--spark-master " + master + ": allowed local, local[N], local[*],"
                    + " spark://host:port, yarn, k8s://URL, or 'submit' for the master spark-submit sets");
        }
        return new SparkBackend(master);
    }
}
