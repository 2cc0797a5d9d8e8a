package lifecycle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * The {@code selection} block of a lifecycle rule, field for field as ECR names them.
 * Lists are null when absent so that a parsed policy renders back exactly.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"tagStatus", "tagPrefixList", "tagPatternList", "storageClass", "countType", "countUnit", "countNumber"})
public record Selection(
        ImageTagStatus tagStatus,
        List<String> tagPrefixList,
        List<String> tagPatternList,
        StorageClass storageClass,
        CountType countType,
        CountUnit countUnit,
        Integer countNumber) {

    public Selection {
        tagPrefixList = tagPrefixList == null ? null : List.copyOf(tagPrefixList);
        tagPatternList = tagPatternList == null ? null : List.copyOf(tagPatternList);
    }
}
