package cn.smartunion.runtime.personaldata;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * JSON for the identifier value objects, so DTOs can hold them directly: both read from a JSON string through their
 * validating {@code parse} (an invalid value becomes a 400 naming the field). A {@link CitizenIdNumber} is always
 * written masked; a response that must show the full number (the audited permission) carries it as a plain string.
 */
public class PersonalDataJacksonModule extends SimpleModule {

    public PersonalDataJacksonModule() {
        super("smartunion-personal-data");
        addSerializer(CitizenIdNumber.class, new StdSerializer<>(CitizenIdNumber.class) {
            @Override
            public void serialize(CitizenIdNumber value, JsonGenerator generator, SerializationContext context) {
                generator.writeString(value.masked());
            }
        });
        addDeserializer(CitizenIdNumber.class, new StdDeserializer<>(CitizenIdNumber.class) {
            @Override
            public CitizenIdNumber deserialize(JsonParser parser, DeserializationContext context) {
                if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                    return (CitizenIdNumber) context.handleUnexpectedToken(CitizenIdNumber.class, parser);
                }
                return CitizenIdNumber.parse(parser.getString());
            }
        });
        addSerializer(UnifiedSocialCreditCode.class, new StdSerializer<>(UnifiedSocialCreditCode.class) {
            @Override
            public void serialize(UnifiedSocialCreditCode value, JsonGenerator generator,
                    SerializationContext context) {
                generator.writeString(value.value());
            }
        });
        addDeserializer(UnifiedSocialCreditCode.class, new StdDeserializer<>(UnifiedSocialCreditCode.class) {
            @Override
            public UnifiedSocialCreditCode deserialize(JsonParser parser, DeserializationContext context) {
                if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                    return (UnifiedSocialCreditCode) context.handleUnexpectedToken(UnifiedSocialCreditCode.class,
                            parser);
                }
                return UnifiedSocialCreditCode.parse(parser.getString());
            }
        });
    }
}
