package org.contractfirst.notebooks.inventory;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class TimesTest {

    private static final ZoneId UTC = ZoneId.of("UTC");

    @Test
    void epochMillisAsNumbersAndAsStrings() {
        assertThat(Times.ofEpochMillis(1638841805440L)).isEqualTo(Instant.parse("2021-12-07T01:50:05.440Z"));
        assertThat(Times.ofEpochMillis(null)).isNull();
        // the old DevEnviron sends them as strings (its documented example)
        assertThat(Times.parse("1594887749962", UTC)).isEqualTo(Instant.parse("2020-07-16T08:22:29.962Z"));
        assertThat(Times.parse(" 1594887749962 ", UTC)).isEqualTo(Instant.parse("2020-07-16T08:22:29.962Z"));
    }

    @Test
    void iso8601WithZOrOffsetIgnoresTheZone() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        assertThat(Times.parse("2020-09-10T10:07:17Z", shanghai)).isEqualTo(Instant.parse("2020-09-10T10:07:17Z"));
        assertThat(Times.parse("2020-09-10T18:07:17+08:00", UTC)).isEqualTo(Instant.parse("2020-09-10T10:07:17Z"));
        assertThat(Times.parse("2020-09-10T10:07:17.250Z", UTC)).isEqualTo(Instant.parse("2020-09-10T10:07:17.250Z"));
    }

    @Test
    void scnetZonelessTimesAreReadInTheGivenZone() {
        assertThat(Times.parse("2022-05-11 19:30:34", Times.DEFAULT_SCNET_ZONE))
                .isEqualTo(Instant.parse("2022-05-11T11:30:34Z"));
        assertThat(Times.parse("2022-05-11 19:30:34", UTC)).isEqualTo(Instant.parse("2022-05-11T19:30:34Z"));
        assertThat(Times.parse("2022-05-11 19:30:34", ZoneId.of("Europe/Berlin")))
                .isEqualTo(Instant.parse("2022-05-11T17:30:34Z"));
        // ISO without offset: the zone applies too
        assertThat(Times.parse("2022-05-11T19:30:34", Times.DEFAULT_SCNET_ZONE))
                .isEqualTo(Instant.parse("2022-05-11T11:30:34Z"));
    }

    @Test
    void theFastFormsAgreeWithJavaTime() {
        // the hand-parsed forms give what java.time gives, across a year of seconds in both zones
        ZoneId shanghai = Times.DEFAULT_SCNET_ZONE;
        java.time.format.DateTimeFormatter zoneless = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        for (long t = Instant.parse("2023-01-01T00:00:00Z").getEpochSecond(); t < Instant.parse("2024-03-01T00:00:00Z").getEpochSecond(); t += 7919) {
            Instant i = Instant.ofEpochSecond(t);
            assertThat(Times.parse(i.toString(), shanghai)).isEqualTo(i);
            String local = zoneless.format(i.atZone(shanghai));
            assertThat(Times.parse(local, shanghai)).as(local).isEqualTo(i);
        }
        assertThat(Times.parse("2024-02-29 12:00:00", UTC)).isEqualTo(Instant.parse("2024-02-29T12:00:00Z"));
    }

    @Test
    void absentAndUnreadableValuesAreNull() {
        assertThat(Times.parse(null, UTC)).isNull();
        assertThat(Times.parse("", UTC)).isNull();
        assertThat(Times.parse("--", UTC)).isNull();          // SCNet's "not started"
        assertThat(Times.parse("null", UTC)).isNull();
        assertThat(Times.parse("yesterday", UTC)).isNull();
        assertThat(Times.parse("2022-13-45 99:00:00", UTC)).isNull();
        assertThat(Times.parse("12345678901234567890", UTC)).isNull();
        assertThat(Times.parse("2022-02-30 10:00:00", UTC)).as("no such day").isNull();
        assertThat(Times.parse("2022-02-30T10:00:00Z", UTC)).isNull();
        assertThat(Times.parse("2022-05-11 25:30:34", UTC)).isNull();
        assertThat(Times.parse("2022-05-1x 19:30:34", UTC)).isNull();
    }

    @Test
    void scnetInstanceTimesUseTheConfiguredZone() {
        var detail = new org.contractfirst.notebooks.scnet.model.InstanceServiceDetail()
                .id("x").status("Running").createTime("2023-11-23 01:01:00").startTime("2023-11-23 01:02:00")
                .endTime(null);
        NotebookInstance cst = Normalize.scnet("s", detail, Times.DEFAULT_SCNET_ZONE);
        assertThat(cst.created()).isEqualTo(Instant.parse("2023-11-22T17:01:00Z"));
        assertThat(cst.updated()).isEqualTo(Instant.parse("2023-11-22T17:02:00Z"));
        NotebookInstance utc = Normalize.scnet("s", detail, UTC);
        assertThat(utc.created()).isEqualTo(Instant.parse("2023-11-23T01:01:00Z"));
    }
}
