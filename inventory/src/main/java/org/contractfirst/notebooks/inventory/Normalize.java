package org.contractfirst.notebooks.inventory;

import org.contractfirst.notebooks.eihealth.model.FlavorInfo;
import org.contractfirst.notebooks.eihealth.model.ImageInfo;
import org.contractfirst.notebooks.eihealth.model.NotebookEntity;
import org.contractfirst.notebooks.modelarts.model.DeDockerParams;
import org.contractfirst.notebooks.modelarts.model.DeInstance;
import org.contractfirst.notebooks.modelarts.model.Image;
import org.contractfirst.notebooks.modelarts.model.NotebookResp;
import org.contractfirst.notebooks.scnet.model.ContainerPortInfo;
import org.contractfirst.notebooks.scnet.model.InstanceServiceDetail;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

/** From each platform's generated model to {@link NotebookInstance}; where each field comes from is in docs/inventory.md. */
public final class Normalize {

    private static final ZoneId UTC = java.time.ZoneOffset.UTC;

    private Normalize() {
    }

    /** ModelArts new: the flavor is a name only (no resource figures); times are epoch ms. */
    public static NotebookInstance modelArts(String source, NotebookResp n) {
        String raw = n.getStatus() == null ? null : n.getStatus().getValue();
        Image image = n.getImage();
        String imageName = image == null ? null : join(image.getName(), image.getTag());
        return new NotebookInstance(Platform.MODELARTS, source, n.getId(), n.getName(),
                StateMappings.map(Platform.MODELARTS, raw), raw, n.getFlavor(), null, null, null, null,
                imageName, Times.ofEpochMillis(n.getCreateAt()), Times.ofEpochMillis(n.getUpdateAt()),
                blankToNull(n.getUrl()), null, n);
    }

    /** ModelArts old: resources from flavor_details.params (CPU, GPU, gpu_type, memory "64GiB"); times are strings of ms. */
    public static NotebookInstance modelArtsOld(String source, DeInstance d) {
        String raw = d.getStatus() == null ? null : d.getStatus().getValue();
        Map<String, Object> params = d.getFlavorDetails() == null ? null : d.getFlavorDetails().getParams();
        Double cpu = null, gpu = null, memory = null;
        String gpuType = null;
        if (params != null) {
            cpu = number(params.get("CPU"));
            gpu = number(params.get("GPU"));
            gpuType = params.get("gpu_type") == null ? null : params.get("gpu_type").toString();
            memory = gib(params.get("memory"));
        }
        String image = null;
        if (d.getProfile() != null && d.getProfile().getProvision() != null
                && d.getProfile().getProvision().getSpec() != null) {
            DeDockerParams p = d.getProfile().getProvision().getSpec().getParams();
            image = p == null ? null : join(p.getImageName(), p.getImageTag());
        }
        String url = d.getSpec() == null || d.getSpec().getAnnotations() == null ? null
                : blankToNull(d.getSpec().getAnnotations().get("url"));
        String owner = d.getUser() == null ? null : d.getUser().getName();
        return new NotebookInstance(Platform.MODELARTS_OLD, source, d.getId(), d.getName(),
                StateMappings.map(Platform.MODELARTS_OLD, raw), raw, d.getFlavor(), cpu, gpu, gpuType, memory, image,
                Times.parse(d.getCreationTimestamp(), UTC),
                Times.parse(d.getLatestUpdateTimestamp(), UTC), url, owner, d);
    }

    /** EIHealth: resources from flavor (cores, cards, GB); no flavor name; times are ISO-8601. */
    public static NotebookInstance eihealth(String source, NotebookEntity e) {
        String raw = e.getStatus() == null ? null : e.getStatus().getValue();
        FlavorInfo f = e.getFlavor();
        ImageInfo info = e.getImage() == null ? null : e.getImage().getImageInfo();
        return new NotebookInstance(Platform.EIHEALTH, source, e.getId(), e.getName(),
                StateMappings.map(Platform.EIHEALTH, raw), raw, null,
                f == null ? null : toDouble(f.getCpu()), f == null ? null : toDouble(f.getGpu()), null,
                f == null ? null : toDouble(f.getMemory()),
                info == null ? null : join(info.getImageName(), info.getImageTag()),
                Times.parse(e.getCreateTime(), UTC), Times.parse(e.getUpdateTime(), UTC),
                blankToNull(e.getUrl()), e.getCreator(), e);
    }

    /**
     * SCNet: flavor is resourceSpec, the GPU type its resourceGroup when it has GPUs, memory ramSize MB / 1024;
     * created is createTime and updated the latest of startTime and endTime, read in {@code zone}.
     */
    public static NotebookInstance scnet(String source, InstanceServiceDetail s, ZoneId zone) {
        String raw = s.getStatus();
        Integer gpus = s.getGpuNumber();
        String url = null;
        if (s.getContainerPortInfoList() != null) {
            for (ContainerPortInfo port : s.getContainerPortInfoList()) {
                if (port.getAccessUrl() != null && !port.getAccessUrl().isBlank()) {
                    url = port.getAccessUrl();
                    break;
                }
            }
        }
        java.time.Instant started = Times.parse(s.getStartTime(), zone);
        java.time.Instant ended = Times.parse(s.getEndTime(), zone);
        java.time.Instant updated = ended != null && (started == null || ended.isAfter(started)) ? ended : started;
        return new NotebookInstance(Platform.SCNET, source, s.getId(), s.getInstanceServiceName(),
                StateMappings.map(Platform.SCNET, raw), raw, blankToNull(s.getResourceSpec()),
                s.getCpuNumber() == null ? null : s.getCpuNumber().doubleValue(),
                gpus == null ? null : gpus.doubleValue(),
                gpus != null && gpus > 0 ? blankToNull(s.getResourceGroup()) : null,
                s.getRamSize() == null ? null : s.getRamSize() / 1024.0,
                blankToNull(s.getImagePath()), Times.parse(s.getCreateTime(), zone), updated, url,
                blankToNull(s.getUserName()), s);
    }

    /** "64GiB", "64GB", "64G" -> 64; "512MiB", "512M" -> 0.5; a bare number is GiB (no regex: once per instance). */
    static Double gib(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        String s = value.toString().trim();
        int end = s.length();
        while (end > 0 && Character.isLetter(s.charAt(end - 1))) {
            end--;
        }
        double v;
        try {
            v = Double.parseDouble(s.substring(0, end).trim());
        } catch (NumberFormatException notANumber) {
            return null;
        }
        String unit = s.substring(end).toUpperCase(Locale.ROOT);
        return switch (unit) {
            case "", "G", "GB", "GIB" -> v;
            case "M", "MB", "MIB" -> v / 1024;
            case "T", "TB", "TIB" -> v * 1024;
            default -> null;
        };
    }

    private static Double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value != null) {
            try {
                return Double.parseDouble(value.toString().trim());
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return null;
    }

    private static Double toDouble(Float f) {
        return f == null ? null : (double) f;
    }

    private static String join(String name, String tag) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return tag == null || tag.isBlank() ? name : name + ":" + tag;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
