package cn.smartunion.runtime.outbox;

import cn.smartunion.runtime.consumer.IdempotentProjection;
import cn.smartunion.runtime.events.CloudEventCodec;
import cn.smartunion.runtime.events.InboundEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** The smallest service that produces through the outbox and consumes idempotently. */
@SpringBootConfiguration
@EnableAutoConfiguration
class EventRuntimeTestApplication {

    static final String TOPIC = "test.widget.v1";
    static final String PROJECTION = "widget_view";

    /** Counts how often the projection's effect ran, not how often records arrived. */
    @Component
    static class WidgetProjector {

        private final IdempotentProjection projection;
        final List<String> deliveredIds = new CopyOnWriteArrayList<>();
        final Map<String, AtomicInteger> attemptsBySubject = new ConcurrentHashMap<>();

        WidgetProjector(IdempotentProjection projection) {
            this.projection = projection;
        }

        @KafkaListener(topics = TOPIC, groupId = "widget-projector")
        void on(ConsumerRecord<String, String> record) {
            InboundEvent event = CloudEventCodec.fromRecord(record);
            attemptsBySubject.computeIfAbsent(event.subject(), s -> new AtomicInteger()).incrementAndGet();
            deliveredIds.add(event.id());
            if (event.subject().startsWith("always-fails")) {
                throw new IllegalStateException("downstream unavailable");
            }
            Widget widget = event.dataAs(Widget.class);
            projection.apply(PROJECTION, event.subject(), event.id(),
                    new Update().set("name", widget.name()).inc("effects", 1));
        }
    }

    record Widget(String widgetId, String name) {
    }
}
