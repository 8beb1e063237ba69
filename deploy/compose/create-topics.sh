#!/usr/bin/env bash
# Creates Régua's topics in the compose Kafka (one broker, so replication factor 1).
# The same topics as deploy/k8s/base/kafka-topics; ManifestsTest checks that the two lists agree.
set -euo pipefail

BOOTSTRAP="${BOOTSTRAP:-kafka:9092}"

create_topic() { # name partitions retention.ms
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$BOOTSTRAP" --create --if-not-exists \
    --topic "$1" --partitions "$2" --replication-factor 1 --config "retention.ms=$3"
}

# events, keyed <tenantId>/<payerId>: 6 partitions, 7 days
create_topic regua.billing.events      6 604800000
create_topic regua.dunning.events      6 604800000
create_topic regua.notification.events 6 604800000
create_topic regua.credit.events       6 604800000
# dead letters: 1 partition, 14 days
create_topic regua.billing.dlq         1 1209600000
create_topic regua.dunning.dlq         1 1209600000
create_topic regua.notification.dlq    1 1209600000
create_topic regua.credit.dlq          1 1209600000
